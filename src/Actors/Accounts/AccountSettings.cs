namespace SlotBooking.Actors.Accounts;

/// <summary>How account actors behave.</summary>
/// <param name="IdleTimeout">Sharding passivates an account with no traffic for this long (it recovers on its next message).</param>
/// <param name="Clock">The source of <see cref="AccountRegistered.CreatedAt"/>.</param>
public sealed record AccountSettings(TimeSpan IdleTimeout, TimeProvider Clock)
{
    public static AccountSettings Default { get; } = new(TimeSpan.FromMinutes(5), TimeProvider.System);
}
