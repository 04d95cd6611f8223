using Akka.Actor;
using SlotBooking.Actors.Sharding;

namespace SlotBooking.Actors.Limits;

/// <summary>
/// One sign-in limit (a client address's or an account's) as a sharded entity of type
/// <see cref="EntityTypes.SignInLimit"/>: there is one per key in the whole cluster, so failures through any node count
/// together (three nodes never give an attacker three budgets). Not persistent: a limit is worth a window of memory, and a
/// restart forgetting it is acceptable. Sharding passivates it once no message came for a whole window, when every failure
/// it counted has slid out, so an idle key costs nothing; its own <see cref="StopSignInLimit"/> is the hand-off message.
/// </summary>
public sealed class SignInLimitActor : ReceiveActor
{
    private readonly SignInFailureCounts _counts;

    public SignInLimitActor(SignInLimitKind kind, SignInLimitSettings settings)
    {
        _counts = SignInFailureCounts.For(kind, settings);
        var clock = settings.Clock;

        Receive<IsSignInRefused>(m => Sender.Tell(new SignInVerdict(_counts.IsRefused(m.Address, clock.GetTimestamp()))));
        Receive<CountSignInFailure>(m =>
        {
            _counts.Record(m.Address, clock.GetTimestamp());
            Sender.Tell(SignInFailureCounted.Instance);
        });
        Receive<StopSignInLimit>(_ => Context.Stop(Self));
    }

    public static Props Props(SignInLimitKind kind, SignInLimitSettings settings) =>
        Akka.Actor.Props.Create(() => new SignInLimitActor(kind, settings));
}

/// <summary>The sign-in limit entities' hand-off and passivation message.</summary>
public sealed record StopSignInLimit
{
    public static StopSignInLimit Instance { get; } = new();
    private StopSignInLimit() { }
}
