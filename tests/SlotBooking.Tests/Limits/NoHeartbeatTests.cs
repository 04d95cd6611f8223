using System.Reflection;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SlotBooking.Actors.Limits;
using SlotBooking.Host;
using SlotBooking.Host.Auth;
using SlotBooking.Host.Configuration;
using SlotBooking.Host.Http;
using SlotBooking.Host.Limits;
using SlotBooking.Host.WebSockets;

namespace SlotBooking.Tests.Limits;

/// <summary>
/// The limits cost nothing at rest: they make no timer, and no limiter that runs one (System.Threading.RateLimiting's
/// replenishing and partitioned limiters wake every 100 ms for their whole life) is held or wired in the host.
/// </summary>
public sealed class NoHeartbeatTests
{
    /// <summary>A fake clock that counts the timers asked of it.</summary>
    private sealed class TimerCountingClock : FakeTimeProvider
    {
        public int TimersCreated { get; private set; }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            TimersCreated++;
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }

    [Fact]
    public void Using_every_limit_and_letting_time_pass_creates_no_timer()
    {
        var clock = new TimerCountingClock();
        var options = Options.Create(new SlotBookingOptions());
        var policies = new ClientRateLimitPolicies();
        policies.Add("p", 2, 1);
        var http = new ClientRateLimits(Options.Create(policies), clock).For("p");
        var frames = new FrameRateLimit(options, clock).NewBucket();
        // What a sign-in limit entity holds (the entities themselves are sharding's, passivated by it).
        var limits = new SignInLimitSettings(5, 5, TimeSpan.FromMinutes(1), clock);
        var address = SignInFailureCounts.For(SignInLimitKind.Address, limits);
        var account = SignInFailureCounts.For(SignInLimitKind.Account, limits);

        for (var i = 0; i < 3 * KeyedLimits<TokenBucket>.MinSweepInterval; i++)
        {
            http.TryAcquire($"client-{i % 50}", out _);
            frames.TryTake(out _);
            address.Record($"client-{i % 50}", clock.GetTimestamp());
            account.Record($"client-{i % 50}", clock.GetTimestamp());
            account.IsRefused($"client-{i % 50}", clock.GetTimestamp());
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(0, clock.TimersCreated);
        // And the buckets did refill, with no timer: time alone, read when they were used.
        Assert.True(http.TryAcquire("client-0", out _));
    }

    [Fact]
    public void The_host_holds_no_limiter_that_runs_a_timer()
    {
        var host = typeof(SlotBookingApp).Assembly;
        var heartbeats = host.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(f => RunsATimer(f.FieldType))
            .Select(f => $"{f.DeclaringType}.{f.Name}")
            .ToList();

        Assert.Empty(heartbeats);
        // ASP.NET Core's rate limiting middleware builds a partitioned limiter (and its timer) even for endpoint policies.
        Assert.DoesNotContain(host.GetReferencedAssemblies(), a => a.Name == "Microsoft.AspNetCore.RateLimiting");
    }

    [Fact]
    public void The_password_hashing_limiter_is_a_concurrency_limiter_which_runs_no_timer() =>
        // PasswordHashing bounds hashes at once with it; only replenishing limiters refill on a timer.
        Assert.False(RunsATimer(typeof(ConcurrencyLimiter)));

    private static bool RunsATimer(Type type) =>
        typeof(ReplenishingRateLimiter).IsAssignableFrom(type)
        || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(PartitionedRateLimiter<>));
}
