namespace SlotBooking.Actors.Limits;

/// <summary>How many failed sign-ins the limit entities allow, in what window, on which clock.</summary>
/// <param name="FailuresPerAddress">Failures counted for one client address (every account together), and for one address against one account.</param>
/// <param name="FailuresPerAccount">Failures counted against one account, from anywhere.</param>
/// <param name="Window">The sliding window the failures are counted in (<see cref="FailureWindow"/>).</param>
/// <param name="Clock">The service's clock: a failure's age is read from it, never from the machine's.</param>
public sealed record SignInLimitSettings(int FailuresPerAddress, int FailuresPerAccount, TimeSpan Window, TimeProvider Clock);
