using Akka.Actor;
using NodaTime;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Slots;
using SlotBooking.Protocol;

namespace SlotBooking.Actors.Owners;

/// <summary>
/// One owner's "my bookings", for the connections watching them and for reads. It shows the owner's slots as its parent
/// <see cref="OwnerIndex"/> keeps them: given at start, or, while the index is still reading the journal, in the first
/// <see cref="OwnerSlots"/> (until then it holds reads and sends no frame), then again after every change. A read the
/// index could not do is answered as unavailable, never with a partial list. Pushes a <c>my_bookings</c> frame to every
/// watching connection when the bookings change, paced like broadcasts (at most one per
/// <see cref="OwnerBookingsSettings.PushInterval"/>, always the newest), and to each one when it starts watching. With no
/// connection watching and no traffic for <see cref="OwnerBookingsSettings.IdleTimeout"/> it tells its parent
/// (<see cref="OwnerBookingsIdle"/>), which may stop it (<see cref="StopOwnerBookings"/>); the index keeps the owner's slots.
/// </summary>
public sealed class OwnerBookings : ReceiveActor, IWithTimers
{
    private readonly string _owner;
    private readonly OwnerBookingsSettings _settings;
    private readonly HashSet<IMyBookingsSubscriber> _subscribers = [];
    private readonly List<IActorRef> _waitingReads = [];
    private readonly Dictionary<string, SlotInterval> _times = [];
    private OwnedSlots _slots;
    private bool _loaded;
    // A change came while the push interval was running: the newest bookings go out when it ends.
    private bool _pushPending;

    /// <param name="loaded">The owner's slots from the index; null while the index is still reading the journal.</param>
    public OwnerBookings(string owner, OwnerBookingsSettings settings, OwnedSlots? loaded)
    {
        _owner = owner;
        _settings = settings;
        _slots = loaded ?? OwnedSlots.Empty;
        _loaded = loaded is not null;

        Receive<WatchOwner>(OnWatch);
        Receive<UnwatchOwner>(u => _subscribers.Remove(u.Subscriber));
        Receive<GetMyBookings>(_ =>
        {
            if (_loaded) Sender.Tell(new MyBookingsRead(CurrentBookings(), _slots.Version));
            else _waitingReads.Add(Sender);
        });
        Receive<OwnerSlots>(OnSlots);
        Receive<OwnerUnavailable>(m =>
        {
            var unavailable = new MyBookingsUnavailable(m.Problem);
            foreach (var reader in _waitingReads) reader.Tell(unavailable);
            _waitingReads.Clear();
        });
        Receive<PushDue>(_ =>
        {
            if (!_pushPending) return;
            _pushPending = false;
            PushPaced();
        });
        Receive<ReceiveTimeout>(_ =>
        {
            if (_subscribers.Count == 0 && _waitingReads.Count == 0) Context.Parent.Tell(new OwnerBookingsIdle(_owner));
        });
        Receive<StopOwnerBookings>(_ => HandBackAndStop());
    }

    public static Props Props(string owner, OwnerBookingsSettings settings, OwnedSlots? loaded) =>
        Akka.Actor.Props.Create(() => new OwnerBookings(owner, settings, loaded));

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart() => SetReceiveTimeout(_settings.IdleTimeout);

    private void OnWatch(WatchOwner watch)
    {
        if (watch.Owner != _owner || !_subscribers.Add(watch.Subscriber)) return;
        // Until the journal has been read there is nothing complete to show; every subscriber gets a frame then.
        if (_loaded) watch.Subscriber.OfferMyBookings(Render());
    }

    /// <summary>The owner's slots from the index: the first complete ones, or a change (versions only grow).</summary>
    private void OnSlots(OwnerSlots given)
    {
        if (_loaded && given.Slots.Version <= _slots.Version) return;
        _slots = given.Slots;
        if (_loaded)
        {
            PushPaced();
            return;
        }
        _loaded = true;
        OfferToAll();
        if (_waitingReads.Count == 0) return;
        var read = new MyBookingsRead(CurrentBookings(), _slots.Version);
        foreach (var reader in _waitingReads) reader.Tell(read);
        _waitingReads.Clear();
    }

    /// <summary>
    /// Pushes now if no push went out within the interval, else once it ends (only the newest): an owner whose bookings
    /// change many times a second costs one frame per interval, not one per change.
    /// </summary>
    private void PushPaced()
    {
        if (_settings.PushInterval <= TimeSpan.Zero)
        {
            OfferToAll();
            return;
        }
        if (Timers.IsTimerActive(PushDue.Instance))
        {
            _pushPending = true;
            return;
        }
        OfferToAll();
        Timers.StartSingleTimer(PushDue.Instance, PushDue.Instance, _settings.PushInterval);
    }

    /// <summary>One frame, serialised once, for every watching connection.</summary>
    private void OfferToAll()
    {
        if (_subscribers.Count == 0) return;
        var payload = Render();
        foreach (var subscriber in _subscribers) subscriber.OfferMyBookings(payload);
    }

    private MyBookingsPayload Render() =>
        new(ServerMessageSerializer.ToUtf8(MyBookingsViews.Message(CurrentBookings())), _slots.Version);

    private IReadOnlyList<CurrentBooking> CurrentBookings() =>
        _slots.Current(Instant.FromDateTimeOffset(_settings.Clock.GetUtcNow()), _settings.FindCalendar, _times);

    /// <summary>
    /// Told to stop by the index, which has already taken this incarnation out of its map: a read that reached it after
    /// it said it was idle and is still waiting (the journal not read yet) goes back to the index, which gives it to the
    /// next incarnation. It has no subscriber: the index stops it only when no connection watches the owner, and every
    /// watch and unwatch reaches this incarnation through the index, in order.
    /// </summary>
    private void HandBackAndStop()
    {
        foreach (var reader in _waitingReads) Context.Parent.Tell(new GetMyBookings(_owner), reader);
        Context.Stop(Self);
    }

    private sealed record PushDue : INotInfluenceReceiveTimeout
    {
        public static PushDue Instance { get; } = new();
    }
}

/// <summary>
/// An owner's read model has had no connection and no traffic for its idle timeout: its index may stop it. Sent by the
/// child, whose reference the index checks against the running incarnation's.
/// </summary>
public sealed record OwnerBookingsIdle(string Owner);

/// <summary>The index stops an idle read model: sent after everything else the index sent it.</summary>
public sealed record StopOwnerBookings
{
    public static StopOwnerBookings Instance { get; } = new();
    private StopOwnerBookings() { }
}
