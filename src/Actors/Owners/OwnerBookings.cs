using Akka.Actor;
using Akka.Event;
using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using NodaTime;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Slots;
using SlotBooking.Protocol;

namespace SlotBooking.Actors.Owners;

/// <summary>
/// One owner's "my bookings", rebuilt from the journal and kept live. On start it reads every event tagged for the
/// owner (<see cref="OwnerTags"/>) with one events-by-tag query; the changes its parent routes to it
/// (<see cref="OwnedSlotChanged"/>) are merged by the same rule, before, during or after that read
/// (see <see cref="OwnedSlots"/>). Until the read has completed it holds reads and sends no frame; a read that fails is
/// logged and retried, and the reads waiting for it are told the bookings are unavailable, never given a partial list.
/// Pushes a <c>my_bookings</c> frame to every watching connection when the bookings change (and to each one when it
/// starts watching). With no connection watching it stops after <see cref="OwnerBookingsSettings.IdleTimeout"/>,
/// asking its parent (<see cref="Passivate"/>).
/// </summary>
public sealed class OwnerBookings : ReceiveActor, IWithTimers
{
    private readonly string _owner;
    private readonly string _tag;
    private readonly OwnerBookingsSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly HashSet<IMyBookingsSubscriber> _subscribers = [];
    private readonly List<IActorRef> _waitingReads = [];
    private OwnedSlots _slots = OwnedSlots.Empty;
    private bool _loaded;
    private int _failures;
    private IMaterializer? _materializer;

    public OwnerBookings(string owner, OwnerBookingsSettings settings)
    {
        _owner = owner;
        _tag = OwnerTags.For(owner);
        _settings = settings;

        Receive<OwnedSlotChanged>(OnChanged);
        Receive<WatchOwner>(OnWatch);
        Receive<UnwatchOwner>(u => _subscribers.Remove(u.Subscriber));
        Receive<GetMyBookings>(_ =>
        {
            if (_loaded) Sender.Tell(new MyBookingsRead(CurrentBookings(), _slots.Version));
            else _waitingReads.Add(Sender);
        });
        Receive<QueryCompleted>(OnQueryCompleted);
        Receive<QueryFailed>(OnQueryFailed);
        Receive<RetryQuery>(_ => StartQuery());
        Receive<ReceiveTimeout>(_ =>
        {
            if (_subscribers.Count == 0 && _waitingReads.Count == 0) Context.Parent.Tell(new Passivate(StopOwner.Instance));
        });
        Receive<StopOwner>(_ => HandBackAndStop());
    }

    public static Props Props(string owner, OwnerBookingsSettings settings) =>
        Akka.Actor.Props.Create(() => new OwnerBookings(owner, settings));

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        SetReceiveTimeout(_settings.IdleTimeout);
        StartQuery();
    }

    /// <summary>
    /// Reads every event tagged for the owner, folded on the stream into a fresh <see cref="OwnedSlots"/> that comes back
    /// as a message; nothing of this actor is touched off its thread. The read journal is resolved off the actor's
    /// thread too, since the first resolution waits for the journal to be initialised.
    /// </summary>
    private void StartQuery()
    {
        var owner = _owner;
        var tag = _tag;
        var readJournal = _settings.ReadJournal;
        var system = Context.System;
        var materializer = _materializer ??= Context.Materializer();
        var timeout = _settings.QueryTimeout;
        Task.Run(() => readJournal(system)
                .CurrentEventsByTag(tag, Akka.Persistence.Query.Offset.NoOffset())
                .CompletionTimeout(timeout)
                .RunAggregate(OwnedSlots.Empty, (slots, e) => ChangeOf(owner, e) is { } change ? slots.Merge(change) : slots, materializer))
            .PipeTo(Self, success: slots => new QueryCompleted(slots), failure: cause => new QueryFailed(cause));
    }

    /// <summary>
    /// The change an event stored for the owner's tag makes to their slots; null when it is not theirs (tags are hashes,
    /// so the event's own owner is checked) or not about a slot.
    /// </summary>
    private static OwnedSlotChanged? ChangeOf(string owner, EventEnvelope envelope)
    {
        DateTimeOffset? bookedAt;
        switch (envelope.Event)
        {
            case SlotBooked booked when booked.Owner == owner:
                bookedAt = booked.BookedAt;
                break;
            case SlotCancelled cancelled when cancelled.Owner == owner:
                bookedAt = null;
                break;
            default:
                return null;
        }
        return SlotIdentity.TryParse(envelope.PersistenceId, out var slot)
            ? new OwnedSlotChanged(owner, envelope.PersistenceId, envelope.SequenceNr, slot.CalendarId, slot.Date, slot.SlotId, bookedAt)
            : null;
    }

    private void OnChanged(OwnedSlotChanged change)
    {
        if (change.Owner != _owner) return;
        var merged = _slots.Merge(change);
        if (ReferenceEquals(merged, _slots)) return;
        _slots = merged;
        if (_loaded) OfferToAll();
    }

    private void OnWatch(WatchOwner watch)
    {
        if (watch.Owner != _owner || !_subscribers.Add(watch.Subscriber)) return;
        // Until the journal has been read there is nothing complete to show; every subscriber gets a frame then.
        if (_loaded) watch.Subscriber.OfferMyBookings(Render());
    }

    private void OnQueryCompleted(QueryCompleted completed)
    {
        if (_failures > 0) _log.Info("Read the bookings of {0} from the journal after {1} failed attempts", _tag, _failures);
        _failures = 0;
        _slots = _slots.Merge(completed.Slots);
        _loaded = true;
        OfferToAll();
        if (_waitingReads.Count == 0) return;
        var read = new MyBookingsRead(CurrentBookings(), _slots.Version);
        foreach (var reader in _waitingReads) reader.Tell(read);
        _waitingReads.Clear();
    }

    private void OnQueryFailed(QueryFailed failed)
    {
        _failures++;
        var delay = TimeSpan.FromTicks(Math.Min(
            _settings.MaxRetryDelay.Ticks,
            _settings.FirstRetryDelay.Ticks * (1L << Math.Min(_failures - 1, 20))));
        _log.Error(failed.Cause, "Reading the bookings of {0} from the journal failed (attempt {1}); retrying in {2}", _tag, _failures, delay);
        var unavailable = new MyBookingsUnavailable($"The bookings could not be read from storage: {failed.Cause.Message}");
        foreach (var reader in _waitingReads) reader.Tell(unavailable);
        _waitingReads.Clear();
        Timers.StartSingleTimer(RetryQuery.Instance, RetryQuery.Instance, delay);
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
        _slots.Current(Instant.FromDateTimeOffset(_settings.Clock.GetUtcNow()), _settings.FindCalendar);

    /// <summary>
    /// Asked to stop: whoever reached this incarnation after it asked goes back to the parent, which holds them for
    /// the next incarnation (a connection that started watching meanwhile, a read still waiting).
    /// </summary>
    private void HandBackAndStop()
    {
        foreach (var subscriber in _subscribers) Context.Parent.Tell(new WatchOwner(_owner, subscriber));
        foreach (var reader in _waitingReads) Context.Parent.Tell(new GetMyBookings(_owner), reader);
        Context.Stop(Self);
    }

    private sealed record QueryCompleted(OwnedSlots Slots) : INotInfluenceReceiveTimeout;

    private sealed record QueryFailed(Exception Cause) : INotInfluenceReceiveTimeout;

    private sealed record RetryQuery : INotInfluenceReceiveTimeout
    {
        public static RetryQuery Instance { get; } = new();
    }

    /// <summary>The stop message this actor asks its parent to send it.</summary>
    private sealed record StopOwner
    {
        public static StopOwner Instance { get; } = new();
    }
}
