using SlotBooking.Actors.Domain;

namespace SlotBooking.Actors.Sessions;

/// <summary>
/// Validates a bearer token the way the HTTP routes do (the host implements it over its JwtBearer settings), for the
/// <c>token</c> field of a WebSocket message. Sessions remember the answer per token, so each is validated once.
/// </summary>
public interface ITokenValidator
{
    ValueTask<TokenCheck> ValidateAsync(string token);
}

/// <summary>
/// A token's verdict: the identity it proves and until when it is accepted (<see cref="ExpiresAt"/>: its <c>exp</c> plus
/// the clock skew the HTTP routes allow, so both paths stop accepting it at the same instant), or <see cref="Invalid"/>.
/// </summary>
public sealed record TokenCheck(Requester? Requester, DateTimeOffset ExpiresAt)
{
    public static TokenCheck Invalid { get; } = new(null, DateTimeOffset.MinValue);

    public bool IsValid => Requester is not null;

    /// <summary>Valid and not yet expired at <paramref name="now"/>.</summary>
    public bool IsValidAt(DateTimeOffset now) => IsValid && now < ExpiresAt;
}
