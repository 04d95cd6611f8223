using Microsoft.Extensions.Time.Testing;
using SlotBooking.Actors.Limits;

namespace SlotBooking.Tests.Accounts;

/// <summary>
/// The failed sign-in rules, with explicit address keys, on the counts the limit entities keep (one per address, one per
/// account, as <c>SignInThrottle</c> asks them): an address is stopped by its own failures, never by a stranger's, and
/// guessing one account from many addresses gets one guess per address once the account's budget is spent.
/// </summary>
public sealed class SignInThrottleTests
{
    private const string Victim = "VICTIM@EXAMPLE.ORG";
    private const string Other = "OTHER@EXAMPLE.ORG";
    private readonly FakeTimeProvider _clock = new();
    private readonly SignInLimitSettings _settings;
    private readonly Dictionary<string, SignInFailureCounts> _addresses = [];
    private readonly Dictionary<string, SignInFailureCounts> _accounts = [];

    public SignInThrottleTests() => _settings = new SignInLimitSettings(5, 5, TimeSpan.FromMinutes(10), _clock);

    private SignInFailureCounts AddressCounts(string address) => Counts(_addresses, address, SignInLimitKind.Address);

    private SignInFailureCounts AccountCounts(string account) => Counts(_accounts, account, SignInLimitKind.Account);

    private SignInFailureCounts Counts(Dictionary<string, SignInFailureCounts> entities, string key, SignInLimitKind kind) =>
        entities.TryGetValue(key, out var counts) ? counts : entities[key] = SignInFailureCounts.For(kind, _settings);

    // As SignInThrottle combines the two entities' verdicts and counts.
    private bool IsRefused(string address, string account) =>
        AddressCounts(address).IsRefused(address, _clock.GetTimestamp()) | AccountCounts(account).IsRefused(address, _clock.GetTimestamp());

    private void RecordFailure(string address, string account)
    {
        AddressCounts(address).Record(address, _clock.GetTimestamp());
        AccountCounts(account).Record(address, _clock.GetTimestamp());
    }

    private void RecordAddressFailure(string address) => AddressCounts(address).Record(address, _clock.GetTimestamp());

    private void Fail(string address, string account, int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.False(IsRefused(address, account), $"refused before failure {i + 1}");
            RecordFailure(address, account);
        }
    }

    [Fact]
    public void The_sixth_attempt_from_an_address_with_five_failures_is_refused_for_every_account()
    {
        Fail("203.0.113.7", Victim, 5);

        Assert.True(IsRefused("203.0.113.7", Victim));
        Assert.True(IsRefused("203.0.113.7", Other));
    }

    [Fact]
    public void A_strangers_failures_never_refuse_the_account_from_an_address_that_has_not_failed()
    {
        Fail("203.0.113.7", Victim, 5);

        Assert.False(IsRefused("198.51.100.1", Victim));
        Assert.False(IsRefused("2001:db8:1:2::/64", Victim));
    }

    [Fact]
    public void Once_the_account_budget_is_spent_each_guessing_address_gets_one_guess()
    {
        // Five addresses, one wrong guess each: the account's budget is spent, no address's is.
        for (var i = 1; i <= 5; i++) Fail($"203.0.113.{i}", Victim, 1);

        Assert.True(IsRefused("203.0.113.1", Victim));
        Assert.False(IsRefused("203.0.113.1", Other));
        // A new address still gets its attempt: if it is the real user with the right password, they sign in.
        Assert.False(IsRefused("203.0.113.99", Victim));
    }

    [Fact]
    public void Failures_counted_for_an_address_alone_slow_that_address_and_no_account()
    {
        for (var i = 0; i < 5; i++) RecordAddressFailure("203.0.113.7");

        Assert.True(IsRefused("203.0.113.7", Victim));
        Assert.False(IsRefused("198.51.100.1", Victim));
        // Nothing was counted against the account: five more addresses failing once each are all still let in after.
        for (var i = 1; i <= 4; i++) Fail($"198.51.100.{10 + i}", Victim, 1);
        Assert.False(IsRefused("198.51.100.11", Victim));
    }

    [Fact]
    public void Failures_slide_out_of_the_window_and_the_address_is_let_in_again()
    {
        Fail("203.0.113.7", Victim, 5);
        Assert.True(IsRefused("203.0.113.7", Victim));

        // Counted in six segments of the window: a failure is forgotten between five and six sixths of it later.
        _clock.Advance(TimeSpan.FromMinutes(8));
        Assert.True(IsRefused("203.0.113.7", Victim));
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(IsRefused("203.0.113.7", Victim));
        Fail("203.0.113.7", Victim, 5);
        Assert.True(IsRefused("203.0.113.7", Victim));
    }

    [Fact]
    public void Once_its_failure_slid_out_an_address_is_no_longer_one_that_failed_against_the_account()
    {
        Fail("203.0.113.1", Victim, 1);
        _clock.Advance(TimeSpan.FromMinutes(10));
        // Five other addresses spend the account's budget after the first one's failure slid out.
        for (var i = 2; i <= 6; i++) Fail($"203.0.113.{i}", Victim, 1);

        Assert.True(IsRefused("203.0.113.2", Victim));
        Assert.False(IsRefused("203.0.113.1", Victim));
    }

    [Fact]
    public void An_account_guessed_at_from_many_addresses_forgets_the_addresses_whose_failures_slid_out()
    {
        var counts = AccountCounts(Victim);
        for (var i = 0; i < 1000; i++) counts.Record($"10.0.{i / 256}.{i % 256}", _clock.GetTimestamp());
        Assert.Equal(1000, counts.AddressesHeld);

        _clock.Advance(TimeSpan.FromMinutes(10));
        // New addresses in the next window: once the map has doubled since its last sweep, the idle ones are swept out,
        // so what an account holds stays within about twice the addresses of one window.
        for (var i = 0; i < 100; i++) counts.Record($"192.0.2.{i}", _clock.GetTimestamp());
        Assert.Equal(100, counts.AddressesHeld);
        Assert.False(counts.IsIdle(_clock.GetTimestamp()));
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.True(counts.IsIdle(_clock.GetTimestamp()));
        Assert.Equal(0, counts.AddressesHeld);
    }
}
