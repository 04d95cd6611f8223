using System.Globalization;
using Akka.Actor;
using Akka.Event;
using Akka.Streams;
using Akka.Streams.Dsl;
using NodaTime;
using NodaTime.Text;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Slots;

namespace SlotBooking.Actors.Days;

/// <summary>
/// Parent of the day actors of every dated calendar: routes each <see cref="DayEnvelope"/> to the day it addresses,
/// and refuses a calendar that does not exist (or is not dated) without starting anything. Memory follows the days
/// in use, not the days that exist:
/// <list type="bullet">
/// <item>A command the booking window refuses, or one to a day nobody touched that a free slot refuses (a cancel of
/// nothing), is answered here, without starting its day.</item>
/// <item>A read of a day nobody ever touched (known from the journal's persistence ids, read once at start, and from
/// each day that touches its first hour) is answered from the calendar's definition, without starting its day.</item>
/// <item>Idle days passivate themselves, and at most <see cref="DayRouterSettings.MaxLiveDays"/> are alive: starting
/// one more first stops the least recently used one, through its own stop message (after its writes in flight).</item>
/// </list>
/// </summary>
public sealed class DayRouter : ReceiveActor, IWithTimers
{
    private const string DayPersistencePrefix = "day-";

    private readonly Func<string, CalendarDefinition?> _findCalendar;
    private readonly SlotActorSettings _settings;
    private readonly DayRouterSettings _routerSettings;
    private readonly IActorRef _storageHealth;
    private readonly IActorRef _broadcaster;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly PassivatingChildren<DayKey> _days;
    private readonly RecentlyUsed<DayKey> _recent = new();
    // Days with a touched hour: known from the journal once it has been read, and from days as they touch one.
    private readonly HashSet<DayKey> _touched = [];
    private bool _touchedKnown;

    /// <param name="findCalendar">The calendar with an id, as the registry has it now; null when there is none.</param>
    public DayRouter(
        Func<string, CalendarDefinition?> findCalendar, SlotActorSettings settings, IActorRef storageHealth, IActorRef broadcaster, DayRouterSettings routerSettings)
    {
        _findCalendar = findCalendar;
        _settings = settings;
        _routerSettings = routerSettings;
        _storageHealth = storageHealth;
        _broadcaster = broadcaster;
        _days = new PassivatingChildren<DayKey>(StartDay);

        Receive<DayEnvelope>(Route);
        Receive<DayTouched>(m => _touched.Add(m.Key));
        Receive<TouchedDaysRead>(OnTouchedDaysRead);
        Receive<ReadTouchedDays>(_ => ReadTouchedDaysAsync());
        Receive<Status.Failure>(f =>
        {
            _log.Warning("Reading the touched days from the journal failed ({0}); reads start their days until a retry succeeds", f.Cause.Message);
            Timers.StartSingleTimer(ReadTouchedDays.Instance, ReadTouchedDays.Instance, _routerSettings.IndexRetryDelay);
        });
        Receive<GetLiveDays>(_ => Sender.Tell(new LiveDays(_days.Count, _touchedKnown)));
        Receive<Passivate>(request => _days.OnPassivate(Sender, request));
        Receive<DayStopped>(m =>
        {
            _recent.Remove(m.Key);
            if (!_days.OnStopped(m.Key)) _log.Warning("Day {0} stopped unexpectedly; it recovers on its next message", m.Key);
        });
    }

    public static Props Props(
        Func<string, CalendarDefinition?> findCalendar, SlotActorSettings settings, IActorRef storageHealth, IActorRef broadcaster, DayRouterSettings? routerSettings = null) =>
        Akka.Actor.Props.Create(() => new DayRouter(findCalendar, settings, storageHealth, broadcaster, routerSettings ?? DayRouterSettings.Default));

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>A day that fails is stopped, not restarted in place: it recovers from stored state on its next message.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop);

    protected override void PreStart() => ReadTouchedDaysAsync();

    private void Route(DayEnvelope envelope)
    {
        if (_findCalendar(envelope.CalendarId) is not { Dated: true } calendar)
        {
            RefuseUnknownCalendar(envelope);
            return;
        }
        var key = new DayKey(envelope.CalendarId, envelope.Date);
        switch (envelope.Message)
        {
            // The day judges the window again when the command reaches it: time passes in between.
            case ISlotCommand command when DayWindow.Refusal(calendar, envelope.Date, command, Now) is { } refusal:
                Sender.Tell(refusal);
                return;
            case ISlotCommand command when IsUntouched(key) && DayWindow.RefusalOnFreeSlot(calendar, command, _settings.Clock.GetUtcNow()) is { } refusal:
                Sender.Tell(refusal);
                return;
            case ReadBoard or GetBoard when IsUntouched(key):
                var view = DayView.Untouched(calendar, envelope.Date);
                Sender.Tell(envelope.Message is ReadBoard read ? new BoardRead(read.CorrelationId, view) : view);
                return;
        }
        _days.Deliver(key, envelope.Message, Sender);
        _recent.Touch(key);
    }

    /// <summary>Known never to have been touched, and not running (a running day may be touching an hour now).</summary>
    private bool IsUntouched(DayKey key) => _touchedKnown && !_touched.Contains(key) && !_days.IsAlive(key);

    private Instant Now => Instant.FromDateTimeOffset(_settings.Clock.GetUtcNow());

    private void RefuseUnknownCalendar(DayEnvelope envelope)
    {
        var text = $"Unknown calendar: {envelope.CalendarId}";
        switch (envelope.Message)
        {
            case ISlotCommand command:
                Sender.Tell(new SlotReply(command.CorrelationId,
                    new SlotCommandResult(command.SlotId, SlotCommandResult.KindOf(command), SlotOutcome.UnknownSlot, text), 0));
                break;
            default:
                Sender.Tell(new Status.Failure(new ArgumentException(text, nameof(envelope))));
                break;
        }
    }

    private IActorRef StartDay(DayKey key)
    {
        StopLeastRecentlyUsedBeyondCap();
        // Routed only after the calendar was found; a calendar retired meanwhile is caught by the day's own window checks later.
        var calendar = _findCalendar(key.CalendarId)!;
        var name = string.Create(CultureInfo.InvariantCulture, $"{key.CalendarId}-{LocalDatePattern.Iso.Format(key.Date)}");
        var day = Context.ActorOf(DayActor.Props(calendar, key.Date, _settings, _storageHealth, _broadcaster), name);
        Context.WatchWith(day, new DayStopped(key));
        _recent.Touch(key);
        return day;
    }

    /// <summary>Makes room for one more day: the least recently used running ones are asked to stop (days already stopping do not count).</summary>
    private void StopLeastRecentlyUsedBeyondCap()
    {
        while (_days.Count - _days.StoppingCount >= _routerSettings.MaxLiveDays && _recent.TryTakeOldest(out var oldest))
            _days.Passivate(oldest, DayActor.Stop);
    }

    /// <summary>Reads which days were ever touched: the journal's persistence ids of days. Without a read journal, nothing is known.</summary>
    private void ReadTouchedDaysAsync()
    {
        if (_routerSettings.PersistenceIds is not { } query) return;
        var materializer = Context.Materializer();
        var system = Context.System;
        // The read journal's first resolution blocks until the write journal has started, and throws after 5 s (a slow
        // start after a crash): resolved off this actor's thread, so that it fails the read (asked again after
        // IndexRetryDelay), never the router's creation.
        Task.Run(() => query(system).CurrentPersistenceIds()
                .Where(id => id.StartsWith(DayPersistencePrefix, StringComparison.Ordinal))
                .RunAggregate(new List<string>(), (ids, id) =>
                {
                    ids.Add(id);
                    return ids;
                }, materializer))
            .PipeTo(Self, success: ids => new TouchedDaysRead(ids));
    }

    private void OnTouchedDaysRead(TouchedDaysRead read)
    {
        foreach (var id in read.PersistenceIds)
        {
            if (DayActor.KeyOf(id) is { } key) _touched.Add(key);
        }
        _touchedKnown = true;
        _log.Debug("{0} touched days known from the journal", _touched.Count);
    }

    private sealed record DayStopped(DayKey Key);

    private sealed record TouchedDaysRead(IReadOnlyList<string> PersistenceIds);

    private sealed record ReadTouchedDays
    {
        public static ReadTouchedDays Instance { get; } = new();
    }
}

/// <summary>A day journaled its first touched hour: reads of it now start it. Sent by the day to its router.</summary>
public sealed record DayTouched(DayKey Key);

/// <summary>Asks the day router how many day actors are alive (stopping ones included); answered with <see cref="LiveDays"/>.</summary>
public sealed record GetLiveDays
{
    public static GetLiveDays Instance { get; } = new();
}

/// <param name="Count">Day actors alive now, stopping ones included.</param>
/// <param name="TouchedDaysKnown">The touched days have been read from the journal: reads of untouched days start nothing.</param>
public sealed record LiveDays(int Count, bool TouchedDaysKnown);
