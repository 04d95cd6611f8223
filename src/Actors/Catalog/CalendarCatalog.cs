using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Event;
using Akka.Pattern;
using Akka.Persistence;
using NodaTime;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Storage;

namespace SlotBooking.Actors.Catalog;

/// <summary>
/// The single writer of calendar changes: it decides admins' creates, updates and retirements and stores them as
/// events. It runs as a cluster singleton (one writer of persistence id <c>calendar-catalog</c> in the cluster), and
/// every node's <see cref="CalendarRegistry"/>, which that node's readers (routes, sessions and boards) consult,
/// follows it: the catalog applies each change to its own node's <see cref="CatalogMirror"/> before it answers, and
/// publishes it to <see cref="CatalogTopic"/> for the other nodes' <see cref="CatalogFollower"/>s. On recovery it
/// rebuilds the definitions from its journal; then each configured
/// calendar the journal has never seen is stored as created. A configured calendar the journal knows keeps its stored
/// state, so an admin's change survives a restart with the old configuration (and a changed configuration entry is
/// logged and ignored: change a running calendar with <c>PUT /calendars/{id}</c>).
/// </summary>
public sealed class CalendarCatalog : ReceivePersistentActor
{
    public const string CatalogPersistenceId = "calendar-catalog";

    /// <summary>How many days a check of bookings reads at once.</summary>
    private const int ReadsAtOnce = 4;

    private readonly CatalogMirror _mirror;
    private readonly IActorRef _mediator;
    private readonly IReadOnlyList<CalendarDefinition> _configured;
    private readonly ReadDay _readDay;
    private readonly TimeProvider _clock;
    private readonly IActorRef _storageHealth;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private CalendarCatalogState _state = CalendarCatalogState.Empty;
    // What was last published (stored calendars and any pending change); answers ReadCatalogView.
    private CatalogView _view = CatalogView.None;
    // Orders this incarnation's publications after its predecessor's (see CatalogView).
    private long _revision;
    // Who waits for the change being stored, told if the write fails.
    private IActorRef? _awaitingWrite;
    private HoursCheck? _check;

    /// <summary>
    /// <paramref name="readDay"/> and <paramref name="mirror"/> belong to the node that runs the catalog: props of a
    /// singleton are made on each node and never sent. <paramref name="mediator"/> is the node's DistributedPubSub mediator.
    /// </summary>
    public CalendarCatalog(
        CatalogMirror mirror, IReadOnlyList<CalendarDefinition> configured, ReadDay readDay, TimeProvider clock, IActorRef storageHealth,
        IActorRef mediator)
    {
        _mirror = mirror;
        _mediator = mediator;
        _configured = configured;
        _readDay = readDay;
        _clock = clock;
        _storageHealth = storageHealth;
        _revision = Math.Max(clock.GetUtcNow().UtcTicks, mirror.Held.Revision + 1);

        Recover<ICalendarEvent>(e => _state = _state.Apply(e));
        Recover<RecoveryCompleted>(_ => SeedConfigured());
        Ready();
    }

    public override string PersistenceId => CatalogPersistenceId;

    public static Props Props(
        CatalogMirror mirror, IReadOnlyList<CalendarDefinition> configured, ReadDay readDay, TimeProvider clock, IActorRef storageHealth,
        IActorRef mediator) =>
        Akka.Actor.Props.Create(() => new CalendarCatalog(mirror, configured, readDay, clock, storageHealth, mediator));

    /// <summary>
    /// Restarted after a back-off when it stops (a failed write or recovery), recovering from the journal, so that
    /// the registries return to what is stored. Messages sent while it is down are dropped: their asks time out.
    /// <see cref="StopCatalog"/> (the singleton's hand-over message) stops it for good, once a write in flight is done.
    /// </summary>
    public static Props SupervisedProps(
        CatalogMirror mirror, IReadOnlyList<CalendarDefinition> configured, ReadDay readDay, TimeProvider clock, IActorRef storageHealth,
        IActorRef mediator) =>
        BackoffSupervisor.Props(Backoff.OnStop(
                Props(mirror, configured, readDay, clock, storageHealth, mediator),
                childName: "catalog",
                minBackoff: TimeSpan.FromMilliseconds(200),
                maxBackoff: TimeSpan.FromSeconds(5),
                randomFactor: 0.2,
                maxNrOfRetries: -1)
            .WithFinalStopMessage(message => message is StopCatalog));

    private void Ready()
    {
        Command<CreateCalendar>(m => Store(CalendarCatalogDecider.Create(_state, m.Spec)));
        Command<RetireCalendar>(m => Store(CalendarCatalogDecider.Retire(_state, m.Id)));
        Command<UpdateCalendar>(OnUpdate);
        // Commands wait while an event is persisted, so a stop never cuts a write in flight.
        Command<StopCatalog>(_ => Context.Stop(Self));
        Queries();
    }

    /// <summary>While a change of hours is being checked, other changes wait; reads are answered.</summary>
    private void Checking()
    {
        Command<HoursChecked>(OnHoursChecked);
        Command<HoursCheckFailed>(OnHoursCheckFailed);
        Command<StopCatalog>(_ => StopDuringCheck());
        Queries();
        CommandAny(_ => Stash.Stash());
    }

    private void Queries()
    {
        // Commands wait in the persistence stash during recovery and while the seeded calendars are written,
        // so answering here means the registry holds every stored and configured calendar.
        Command<WhenCatalogReady>(_ => Sender.Tell(CatalogReady.Instance));
        Command<GetCatalogState>(_ => Sender.Tell(_state));
        Command<ReadCatalogView>(_ => Sender.Tell(_view));
    }

    private void SeedConfigured()
    {
        foreach (var configured in _configured)
        {
            if (_state.Find(configured.Id) is { } stored && stored != configured)
            {
                _log.Warning(
                    "Calendar {0} is configured differently from its stored state{1}; the stored state (with any admin changes) is kept. Change it with PUT /calendars/{0}",
                    configured.Id, stored.Retired ? " (it is retired)" : "");
            }
        }
        var seeds = CalendarCatalogDecider.Seed(_state, _configured);
        if (seeds.Count == 0)
        {
            PublishView(pending: null);
            return;
        }
        var last = seeds[^1];
        PersistAll(seeds, created =>
        {
            _state = _state.Apply(created);
            if (!ReferenceEquals(created, last)) return;
            _log.Info("Stored {0} configured calendar(s) new to the catalog: {1}", seeds.Count, string.Join(", ", seeds.Select(s => s.Id)));
            PublishView(pending: null);
        });
    }

    private void OnUpdate(UpdateCalendar update)
    {
        var decision = CalendarCatalogDecider.Update(_state, update.Id, update.Changes);
        if (decision is { Refusal: null, Event: not null, Previous: { } before, Calendar: { } after }
            && CalendarCatalogDecider.RemovedHours(before, after) is { Count: > 0 } removed)
        {
            StartCheck(new HoursCheck(decision.Event, before, after, removed, Sender, SecondPass: false));
            return;
        }
        Store(decision);
    }

    /// <summary>
    /// Removing hours must not strand a booking. The check reads every day that can hold one, twice:
    /// <list type="number">
    /// <item>With the registry unchanged. A day started by this read gets the current definition, whose hours include
    /// the ones being removed, so its view lists their bookings (a day's view lists its calendar's hours only, which is
    /// why the new definition cannot simply be swapped in first).</item>
    /// <item>After the new definition is swapped in, so that a booking of a removed hour decided from now on is
    /// refused (boards and slots look the calendar up when they decide, through <see cref="CalendarLookup"/>).
    /// This pass catches a booking decided while the first pass ran: the day that took it is running, with the hours it
    /// had. If it finds one, the registry is swapped back and the change refused; else the change is stored.</item>
    /// </list>
    /// The races left open: a booking decided against the old definition just before the swap whose write is still in
    /// flight when the second pass reads its day (the day shows it only once stored); and, on the other nodes of a
    /// cluster, which get the swap through the topic, a booking decided there between the second pass reading its day
    /// and the swap arriving (the publication's latency, milliseconds).
    /// </summary>
    private void StartCheck(HoursCheck check)
    {
        _check = check;
        var now = Instant.FromDateTimeOffset(_clock.GetUtcNow());
        var dates = CalendarCatalogDecider.DaysToCheck(check.Before, _state.LargestHorizon(check.Before.Id), now);
        FindBookingsAsync(_readDay, check.Before, check.Removed, dates, now)
            .PipeTo(Self, success: found => new HoursChecked(found), failure: e => new HoursCheckFailed(e));
        Become(Checking);
    }

    private void OnHoursChecked(HoursChecked result)
    {
        var check = _check!;
        if (result.Bookings.Count > 0)
        {
            RevertRegistry();
            var list = string.Join(", ", result.Bookings.Select(b => $"{CalendarMessages.Format(b.Date)} {b.Hour}:00"));
            check.ReplyTo.Tell(new CalendarChangeRefused(new CatalogRefusal(CatalogRefusalKind.HoursBooked,
                $"Hours with bookings still to come cannot be removed from calendar {check.Before.Id}: {list}. Cancel them first.")
            {
                Bookings = result.Bookings,
            }));
            EndCheck();
            return;
        }
        if (!check.SecondPass)
        {
            PublishView(pending: check.After);
            StartCheck(check with { SecondPass = true });
            return;
        }
        EndCheck();
        Store(CatalogDecision.Accept(check.Event, check.After), check.ReplyTo);
    }

    private void OnHoursCheckFailed(HoursCheckFailed failure)
    {
        var check = _check!;
        _log.Warning("Could not read the bookings of calendar {0} to check a change of its hours: {1}", check.Before.Id, failure.Cause.Message);
        RevertRegistry();
        check.ReplyTo.Tell(new CalendarChangeRefused(new CatalogRefusal(CatalogRefusalKind.Unavailable,
            $"Could not read the bookings of calendar {check.Before.Id} to check the change of its hours; nothing was changed. Try again shortly.")));
        EndCheck();
    }

    /// <summary>
    /// The check's reads are abandoned (their results go to dead letters), and so are the changes waiting behind it in
    /// the stash, whose asks time out.
    /// </summary>
    private void StopDuringCheck()
    {
        var check = _check!;
        RevertRegistry();
        check.ReplyTo.Tell(new CalendarChangeRefused(new CatalogRefusal(CatalogRefusalKind.Unavailable,
            $"The calendar catalog is moving to another node; nothing was changed in calendar {check.Before.Id}. Try again shortly.")));
        Context.Stop(Self);
    }

    private void EndCheck()
    {
        _check = null;
        Become(Ready);
        Stash.UnstashAll();
    }

    private void Store(CatalogDecision decision) => Store(decision, Sender);

    private void Store(CatalogDecision decision, IActorRef replyTo)
    {
        if (decision.Refusal is { } refusal)
        {
            replyTo.Tell(new CalendarChangeRefused(refusal));
            return;
        }
        if (decision.Event is not { } @event)
        {
            replyTo.Tell(new CalendarChanged(decision.Calendar!));
            return;
        }
        _awaitingWrite = replyTo;
        Persist(@event, stored =>
        {
            _awaitingWrite = null;
            _state = _state.Apply(stored);
            PublishStored(stored);
            replyTo.Tell(new CalendarChanged(_state.Find(stored.Id)!));
        });
    }

    /// <summary>
    /// The stored calendars, with <paramref name="pending"/> swapped in if given, become every registry's: this node's
    /// at once, the others' through the topic.
    /// </summary>
    private void PublishView(CalendarDefinition? pending)
    {
        _view = new CatalogView(LastSequenceNr, ++_revision, _state.Calendars, pending);
        _mirror.Follow(_view);
        _mediator.Tell(new Publish(CatalogTopic.Name, _view));
    }

    /// <summary>A stored event goes out as itself: small, and a node that missed one sees the gap in sequence numbers.</summary>
    private void PublishStored(ICalendarEvent stored)
    {
        var published = new CalendarEventStored(LastSequenceNr, ++_revision, stored);
        _view = new CatalogView(LastSequenceNr, _revision, _state.Calendars, Pending: null);
        // This node's mirror takes the whole view, which holds the very definitions the catalog answers with.
        _mirror.Follow(_view);
        _mediator.Tell(new Publish(CatalogTopic.Name, published));
    }

    /// <summary>A change of hours swapped in before it was stored is taken back: the registries hold what is stored.</summary>
    private void RevertRegistry()
    {
        if (_view.Pending is null) return;
        PublishView(pending: null);
    }

    private static async Task<IReadOnlyList<BookedHour>> FindBookingsAsync(
        ReadDay readDay, CalendarDefinition calendar, IReadOnlyList<int> removed, IReadOnlyList<LocalDate> dates, Instant now)
    {
        var found = new ConcurrentBag<BookedHour>();
        await Parallel.ForEachAsync(dates, new ParallelOptions { MaxDegreeOfParallelism = ReadsAtOnce }, async (date, ct) =>
        {
            var view = await readDay(calendar.Id, date, ct);
            // A day whose slots have not all recovered may hide a booking.
            if (!view.IsReady) throw new InvalidOperationException($"Day {CalendarMessages.Format(date)} is still being recovered");
            foreach (var booking in CalendarCatalogDecider.StillToCome(calendar, date, view.BookedIds, removed, now)) found.Add(booking);
        });
        return found.OrderBy(b => b.Date).ThenBy(b => b.Hour).ToArray();
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        _log.Error(cause, "Storing {0} failed; the catalog restarts from stored state", @event);
        _storageHealth.Tell(new StorageFailed(StorageProblem.Describe(cause)));
        RevertRegistry();
        _awaitingWrite?.Tell(new CalendarChangeRefused(new CatalogRefusal(CatalogRefusalKind.Unavailable,
            "The change could not be stored; nothing was changed. Try again shortly.")));
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        _log.Error(cause, "Storing {0} was rejected", @event);
        RevertRegistry();
        _awaitingWrite?.Tell(new CalendarChangeRefused(new CatalogRefusal(CatalogRefusalKind.Unavailable,
            "The change could not be stored; nothing was changed.")));
        _awaitingWrite = null;
        base.OnPersistRejected(cause, @event, sequenceNr);
    }

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        _log.Error(reason, "Recovering the calendar catalog failed; it retries after a back-off");
        _storageHealth.Tell(new StorageFailed(StorageProblem.Describe(reason)));
        base.OnRecoveryFailure(reason, message);
    }

    private sealed record HoursCheck(
        ICalendarEvent Event, CalendarDefinition Before, CalendarDefinition After, IReadOnlyList<int> Removed, IActorRef ReplyTo, bool SecondPass);

    private sealed record HoursChecked(IReadOnlyList<BookedHour> Bookings);

    private sealed record HoursCheckFailed(Exception Cause);
}
