namespace SlotBooking.Actors.Limits;

/// <summary>A message for one sign-in limit entity, named by <see cref="EntityId"/> (<see cref="SignInLimitKeys"/>).</summary>
public interface ISignInLimitMessage
{
    string EntityId { get; }
}

/// <summary>
/// Is a sign-in from <paramref name="Address"/> refused by this limit? Answered with <see cref="SignInVerdict"/>. For an
/// address's limit, the address is the entity's own; for an account's, it is the address trying the account.
/// </summary>
public sealed record IsSignInRefused(string EntityId, string Address) : ISignInLimitMessage;

/// <summary>A failed sign-in from <paramref name="Address"/>: counted, then answered with <see cref="SignInFailureCounted"/>.</summary>
public sealed record CountSignInFailure(string EntityId, string Address) : ISignInLimitMessage;

public sealed record SignInVerdict(bool Refused);

/// <summary>The failure is counted: every later check, through any node, sees it.</summary>
public sealed record SignInFailureCounted
{
    public static SignInFailureCounted Instance { get; } = new();
    private SignInFailureCounted() { }
}
