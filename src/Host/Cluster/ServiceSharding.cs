using Akka.Cluster.Hosting;
using Akka.Hosting;
using Microsoft.Extensions.Options;
using SlotBooking.Actors.Accounts;
using SlotBooking.Actors.Limits;
using SlotBooking.Actors.Serialization;
using SlotBooking.Actors.Sharding;
using SlotBooking.Host.Auth;
using SlotBooking.Host.Configuration;

namespace SlotBooking.Host.Cluster;

/// <summary>
/// The cluster-wide services that are sharded entity types, wired as boards and slots are (<see cref="ShardingSetup"/>):
/// stable shard ids over <see cref="ClusterNodeOptions.Shards"/>, coordinator state in distributed data, remember-entities
/// off, idle entities passivated by sharding, each type with its own hand-off message. Their messages are bound to
/// <see cref="ServiceMessageSerializer"/>.
/// <list type="bullet">
/// <item>Accounts: sharded, because an account is a persistent actor and there must be one writer of its journal in the
/// whole cluster; a singleton would funnel every sign-in through one node, and distributed data cannot decide
/// "registered once" between racing registrations.</item>
/// <item>Sign-in failure limits: sharded, non-persistent, one entity per client address and per account, so a guess
/// through any node counts against the same budget; distributed data's counters spread by gossip, so a burst over
/// several nodes would be counted late, and a singleton would be one node's bottleneck.</item>
/// </list>
/// </summary>
public static class ServiceSharding
{
    /// <summary>The host's accounts and sign-in limits, from its options.</summary>
    public static AkkaConfigurationBuilder AddServiceSharding(this AkkaConfigurationBuilder akka, IServiceProvider services)
    {
        var options = services.GetSlotBookingOptions();
        var shards = services.GetRequiredService<IOptions<ClusterNodeOptions>>().Value.Shards;
        var clock = services.GetRequiredService<TimeProvider>();
        var auth = services.GetRequiredService<IOptions<AuthOptions>>().Value;
        // Accounts passivate after the same idle time as slots.
        return akka
            .WithServiceMessages()
            .WithAccountRegion(new AccountSettings(options.SlotIdleTimeout, clock), shards)
            .WithSignInLimitRegion(new SignInLimitSettings(auth.FailuresPerAddress, auth.FailuresPerAccount, auth.FailureWindow, clock), shards);
    }

    /// <summary>The accounts' region alone (the host's <c>accounts add</c> command, specs).</summary>
    public static AkkaConfigurationBuilder AddAccountSharding(this AkkaConfigurationBuilder akka, AccountSettings settings, int shards) =>
        akka.WithServiceMessages().WithAccountRegion(settings, shards);

    /// <summary>The sign-in limits' region alone (specs).</summary>
    public static AkkaConfigurationBuilder AddSignInLimitSharding(this AkkaConfigurationBuilder akka, SignInLimitSettings settings, int shards) =>
        akka.WithServiceMessages().WithSignInLimitRegion(settings, shards);

    private static AkkaConfigurationBuilder WithServiceMessages(this AkkaConfigurationBuilder akka) =>
        akka.WithCustomSerializer("service-messages", ServiceMessageSerializer.BoundTypes, system => new ServiceMessageSerializer(system));

    private static AkkaConfigurationBuilder WithAccountRegion(this AkkaConfigurationBuilder akka, AccountSettings settings, int shards) =>
        akka.WithShardRegion<AccountActor>(EntityTypes.Account,
            entityId => AccountActor.Props(entityId, settings),
            EntityTypes.AccountExtractor(shards),
            EntityShardOptions.PassivatedWhenIdle(settings.IdleTimeout, StopAccount.Instance));

    private static AkkaConfigurationBuilder WithSignInLimitRegion(this AkkaConfigurationBuilder akka, SignInLimitSettings settings, int shards) =>
        akka.WithShardRegion<SignInLimitActor>(EntityTypes.SignInLimit,
            entityId => SignInLimitActor.Props(
                SignInLimitKeys.KindOf(entityId) ?? throw new ArgumentException($"'{entityId}' names no sign-in limit", nameof(entityId)),
                settings),
            EntityTypes.SignInLimitExtractor(shards),
            // A failure slides out of its window at most a window after it was counted, and a count is always a message:
            // idle for a window, an entity holds nothing, so this passivation forgets nothing. What an anonymous caller
            // can make a node hold is bounded by the keys used within one window.
            EntityShardOptions.PassivatedWhenIdle(settings.Window, StopSignInLimit.Instance));
}
