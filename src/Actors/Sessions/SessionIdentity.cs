using SlotBooking.Actors.Domain;

namespace SlotBooking.Actors.Sessions;

/// <summary>
/// Who a connection's commands come from: the identity it proved at connect (if any), or the <c>token</c> a message
/// carries, which stands for that one message. Each token is validated once per connection and its verdict kept (with
/// its expiry, judged at each use), so a client that sends its token in every frame costs one validation.
/// </summary>
public sealed class SessionIdentity(TokenCheck? connection, ITokenValidator? validator)
{
    // A client has one token at a time, two around a refresh: a handful is plenty, and bounds what a client can make us keep.
    private const int MaxRemembered = 8;
    private readonly Dictionary<string, TokenCheck> _checked = new(StringComparer.Ordinal);

    /// <summary>The subject the connection signed in as at connect; null for an anonymous connection.</summary>
    public string? ConnectionSubject => connection?.Requester?.Subject;

    /// <summary>Until when the identity proved at connect is accepted; null for an anonymous connection.</summary>
    public DateTimeOffset? ConnectionExpiresAt => connection?.Requester is null ? null : connection.ExpiresAt;

    /// <summary>
    /// The requester of a command carrying <paramref name="token"/> (null: none) at <paramref name="now"/>: known at once,
    /// refused (a bad or expired token, or an expired connection identity), or pending a validation still running.
    /// </summary>
    public Resolution Resolve(string? token, DateTimeOffset now)
    {
        if (token is null)
            return connection switch
            {
                null => Resolution.Of(Requester.Anonymous),
                var c when c.IsValidAt(now) => Resolution.Of(c.Requester!),
                _ => Resolution.Refused,
            };
        if (_checked.TryGetValue(token, out var known)) return Judge(known, now);
        if (validator is null) return Resolution.Refused;
        var validation = validator.ValidateAsync(token);
        if (!validation.IsCompletedSuccessfully) return new Resolution(null, validation.AsTask());
        var check = validation.Result;
        Remember(token, check);
        return Judge(check, now);
    }

    /// <summary>Keeps the verdict of a validation that finished later, for the next message with the same token.</summary>
    public void Remember(string token, TokenCheck check)
    {
        if (_checked.Count >= MaxRemembered) _checked.Clear();
        _checked[token] = check;
    }

    public static Resolution Judge(TokenCheck check, DateTimeOffset now) =>
        check.IsValidAt(now) ? Resolution.Of(check.Requester!) : Resolution.Refused;

    /// <summary>A requester, or a validation in progress, or neither (refused).</summary>
    public readonly record struct Resolution(Requester? Requester, Task<TokenCheck>? Pending)
    {
        public static Resolution Refused => default;

        public static Resolution Of(Requester requester) => new(requester, null);
    }
}
