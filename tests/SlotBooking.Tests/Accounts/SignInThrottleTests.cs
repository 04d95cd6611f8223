using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SlotBooking.Host.Auth;

namespace SlotBooking.Tests.Accounts;

/// <summary>
/// The failed sign-in counts, with explicit address keys: an address is stopped by its own failures, never by a
/// stranger's, and guessing one account from many addresses gets one guess per address once the account's budget is spent.
/// </summary>
public sealed class SignInThrottleTests
{
    private const string Victim = "VICTIM@EXAMPLE.ORG";
    private const string Other = "OTHER@EXAMPLE.ORG";
    private readonly FakeTimeProvider _clock = new();
    private readonly SignInThrottle _throttle;

    public SignInThrottleTests() =>
        _throttle = new(Options.Create(new AuthOptions { FailuresPerAddress = 5, FailuresPerAccount = 5, FailureWindow = TimeSpan.FromMinutes(10) }), _clock);

    private void Fail(string address, string account, int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.False(_throttle.IsRefused(address, account), $"refused before failure {i + 1}");
            _throttle.RecordFailure(address, account);
        }
    }

    [Fact]
    public void The_sixth_attempt_from_an_address_with_five_failures_is_refused_for_every_account()
    {
        Fail("203.0.113.7", Victim, 5);

        Assert.True(_throttle.IsRefused("203.0.113.7", Victim));
        Assert.True(_throttle.IsRefused("203.0.113.7", Other));
    }

    [Fact]
    public void A_strangers_failures_never_refuse_the_account_from_an_address_that_has_not_failed()
    {
        Fail("203.0.113.7", Victim, 5);

        Assert.False(_throttle.IsRefused("198.51.100.1", Victim));
        Assert.False(_throttle.IsRefused("2001:db8:1:2::/64", Victim));
    }

    [Fact]
    public void Once_the_account_budget_is_spent_each_guessing_address_gets_one_guess()
    {
        // Five addresses, one wrong guess each: the account's budget is spent, no address's is.
        for (var i = 1; i <= 5; i++) Fail($"203.0.113.{i}", Victim, 1);

        Assert.True(_throttle.IsRefused("203.0.113.1", Victim));
        Assert.False(_throttle.IsRefused("203.0.113.1", Other));
        // A new address still gets its attempt: if it is the real user with the right password, they sign in.
        Assert.False(_throttle.IsRefused("203.0.113.99", Victim));
    }

    [Fact]
    public void Failures_counted_for_an_address_alone_slow_that_address_and_no_account()
    {
        for (var i = 0; i < 5; i++) _throttle.RecordAddressFailure("203.0.113.7");

        Assert.True(_throttle.IsRefused("203.0.113.7", Victim));
        Assert.False(_throttle.IsRefused("198.51.100.1", Victim));
        // Nothing was counted against the account: five more addresses failing once each are all still let in after.
        for (var i = 1; i <= 4; i++) Fail($"198.51.100.{10 + i}", Victim, 1);
        Assert.False(_throttle.IsRefused("198.51.100.11", Victim));
    }

    [Fact]
    public void Failures_slide_out_of_the_window_and_the_address_is_let_in_again()
    {
        Fail("203.0.113.7", Victim, 5);
        Assert.True(_throttle.IsRefused("203.0.113.7", Victim));

        // Counted in six segments of the window: a failure is forgotten between five and six sixths of it later.
        _clock.Advance(TimeSpan.FromMinutes(8));
        Assert.True(_throttle.IsRefused("203.0.113.7", Victim));
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(_throttle.IsRefused("203.0.113.7", Victim));
        Fail("203.0.113.7", Victim, 5);
        Assert.True(_throttle.IsRefused("203.0.113.7", Victim));
    }

    [Fact]
    public void Once_its_failure_slid_out_an_address_is_no_longer_one_that_failed_against_the_account()
    {
        Fail("203.0.113.1", Victim, 1);
        _clock.Advance(TimeSpan.FromMinutes(10));
        // Five other addresses spend the account's budget after the first one's failure slid out.
        for (var i = 2; i <= 6; i++) Fail($"203.0.113.{i}", Victim, 1);

        Assert.True(_throttle.IsRefused("203.0.113.2", Victim));
        Assert.False(_throttle.IsRefused("203.0.113.1", Victim));
    }
}
