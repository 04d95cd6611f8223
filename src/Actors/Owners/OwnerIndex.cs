using Akka.Actor;
using Akka.Event;
using SlotBooking.Actors.Slots;

namespace SlotBooking.Actors.Owners;

/// <summary>
/// Parent of the owners' read models (<see cref="OwnerBookings"/>, one per owner): routes <see cref="WatchOwner"/>,
/// <see cref="UnwatchOwner"/>, <see cref="GetMyBookings"/> and the slots' <see cref="OwnedSlotChanged"/> (heard on
/// the event stream) to the owner's child, starting it for a watch or a read. A change for an owner with no running
/// child is dropped: the change is stored before it is published, so a child started later reads it from the journal.
/// Children stop when idle (see <see cref="PassivatingChildren{TKey}"/>); a child that fails is stopped, and started
/// again at once for the connections still watching that owner.
/// </summary>
public sealed class OwnerIndex : ReceiveActor
{
    private readonly OwnerBookingsSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly PassivatingChildren<string> _owners;
    // The connections watching each owner, so that a child that failed can be started again for them.
    private readonly Dictionary<string, HashSet<IMyBookingsSubscriber>> _watchers = [];

    public OwnerIndex(OwnerBookingsSettings settings)
    {
        _settings = settings;
        _owners = new PassivatingChildren<string>(StartOwner);

        Receive<WatchOwner>(watch =>
        {
            if (!_watchers.TryGetValue(watch.Owner, out var watchers)) _watchers[watch.Owner] = watchers = [];
            watchers.Add(watch.Subscriber);
            _owners.Deliver(watch.Owner, watch, Sender);
        });
        Receive<UnwatchOwner>(unwatch =>
        {
            if (_watchers.TryGetValue(unwatch.Owner, out var watchers) && watchers.Remove(unwatch.Subscriber) && watchers.Count == 0)
                _watchers.Remove(unwatch.Owner);
            // Nothing to start for: a child that is not running has no subscribers.
            if (_owners.IsAlive(unwatch.Owner)) _owners.Deliver(unwatch.Owner, unwatch, Sender);
        });
        Receive<GetMyBookings>(get => _owners.Deliver(get.Owner, get, Sender));
        Receive<OwnedSlotChanged>(change =>
        {
            if (_owners.IsAlive(change.Owner) && !_owners.IsStopping(change.Owner)) _owners.Deliver(change.Owner, change, Sender);
        });
        Receive<Passivate>(request => _owners.OnPassivate(Sender, request));
        Receive<OwnerStopped>(stopped =>
        {
            if (_owners.OnStopped(stopped.Owner)) return;
            if (!_watchers.TryGetValue(stopped.Owner, out var watchers)) return;
            _log.Warning("The bookings of {0} stopped unexpectedly; rebuilding them for {1} watching connections", OwnerTags.For(stopped.Owner), watchers.Count);
            foreach (var subscriber in watchers) _owners.Deliver(stopped.Owner, new WatchOwner(stopped.Owner, subscriber), Self);
        });
    }

    public static Props Props(OwnerBookingsSettings settings) => Akka.Actor.Props.Create(() => new OwnerIndex(settings));

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(OwnedSlotChanged));

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    /// <summary>A child that fails is stopped, not restarted in place: it is rebuilt from the journal.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop);

    private IActorRef StartOwner(string owner)
    {
        // Named by the owner's tag: a hash, so any subject makes a valid and short actor name.
        var child = Context.ActorOf(OwnerBookings.Props(owner, _settings), OwnerTags.For(owner));
        Context.WatchWith(child, new OwnerStopped(owner));
        return child;
    }

    private sealed record OwnerStopped(string Owner);
}
