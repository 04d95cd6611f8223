using System.Globalization;
using Akka.Actor;
using Akka.Event;
using Akka.Streams;
using Akka.Streams.Dsl;
using NodaTime;
using NodaTime.Text;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Slots;

namespace SlotBooking.Actors.Board;

/// <summary>
/// Routes each <see cref="BoardEnvelope"/> to the board it addresses: the default calendar's undated board, which it
/// is given (it lives as long as the service), or a dated day, which it starts on demand as its child; a calendar that
/// does not exist is refused without starting anything. Memory follows the days in use, not the days that exist:
/// <list type="bullet">
/// <item>A command the booking window refuses, or one to a day nobody touched that a free slot refuses (a cancel of
/// nothing), is answered here, without starting its day.</item>
/// <item>A read of a day nobody ever touched (known from the journal's persistence ids, read once at start, and from
/// each day that touches its first hour) is answered from the calendar's definition, without starting its day.</item>
/// <item>Idle days passivate themselves, and at most <see cref="BoardRouterSettings.MaxLiveDays"/> are alive: starting
/// one more first stops the least recently used one, through its own stop message (after its writes in flight).</item>
/// </list>
/// It stands where a shard region will: the boards are its children, and a board's <see cref="Passivate"/> comes to it.
/// </summary>
public sealed class BoardRouter : ReceiveActor, IWithTimers
{
    private const string DayPersistencePrefix = "day-";

    private readonly IActorRef _defaultBoard;
    private readonly SlotActorSettings _settings;
    private readonly BoardRouterSettings _routerSettings;
    private readonly IActorRef _storageHealth;
    private readonly IActorRef _broadcaster;
    private readonly CalendarLookup _calendars = CalendarLookup.For(Context.System);
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly PassivatingChildren<BoardKey> _days;
    private readonly RecentlyUsed<BoardKey> _recent = new();
    // Days with a touched hour: known from the journal once it has been read, and from days as they touch one.
    private readonly HashSet<BoardKey> _touched = [];
    private bool _touchedKnown;

    /// <param name="defaultBoard">The default calendar's board, which messages for the undated board are forwarded to.</param>
    /// <param name="storageHealth">Where the days' boards report storage failures.</param>
    /// <param name="broadcaster">Where the days' boards report their changes.</param>
    public BoardRouter(IActorRef defaultBoard, SlotActorSettings settings, IActorRef storageHealth, IActorRef broadcaster, BoardRouterSettings routerSettings)
    {
        _defaultBoard = defaultBoard;
        _settings = settings;
        _routerSettings = routerSettings;
        _storageHealth = storageHealth;
        _broadcaster = broadcaster;
        _days = new PassivatingChildren<BoardKey>(StartDay);

        Receive<BoardEnvelope>(Route);
        Receive<BoardTouched>(m => _touched.Add(m.Board));
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
        IActorRef defaultBoard, SlotActorSettings settings, IActorRef storageHealth, IActorRef broadcaster, BoardRouterSettings? routerSettings = null) =>
        Akka.Actor.Props.Create(() => new BoardRouter(defaultBoard, settings, storageHealth, broadcaster, routerSettings ?? BoardRouterSettings.Default));

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>A day that fails is stopped, not restarted in place: it recovers from stored state on its next message.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop);

    protected override void PreStart() => ReadTouchedDaysAsync();

    private void Route(BoardEnvelope envelope)
    {
        if (envelope.Board.IsDefault)
        {
            _defaultBoard.Forward(envelope.Message);
            return;
        }
        var key = envelope.Board;
        if (_calendars.Find(key.Calendar) is not { Dated: true } calendar)
        {
            RefuseUnknownCalendar(envelope);
            return;
        }
        var date = key.Date!.Value;
        switch (envelope.Message)
        {
            // The day judges the window again when the command reaches it: time passes in between.
            case ISlotCommand command when BoardWindow.Refusal(calendar, date, command, Now) is { } refusal:
                Sender.Tell(refusal);
                return;
            case ISlotCommand command when IsUntouched(key) && BoardWindow.RefusalOnFreeSlot(calendar, command, _settings.Clock.GetUtcNow()) is { } refusal:
                Sender.Tell(refusal);
                return;
            case ReadBoard or GetBoard when IsUntouched(key):
                var view = BoardViews.Untouched(calendar, date);
                Sender.Tell(envelope.Message is ReadBoard read ? new BoardRead(read.CorrelationId, view) : view);
                return;
        }
        _days.Deliver(key, envelope.Message, Sender);
        _recent.Touch(key);
    }

    /// <summary>Known never to have been touched, and not running (a running day may be touching an hour now).</summary>
    private bool IsUntouched(BoardKey key) => _touchedKnown && !_touched.Contains(key) && !_days.IsAlive(key);

    private Instant Now => Instant.FromDateTimeOffset(_settings.Clock.GetUtcNow());

    private void RefuseUnknownCalendar(BoardEnvelope envelope)
    {
        var text = $"Unknown calendar: {envelope.Board.Calendar}";
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

    private IActorRef StartDay(BoardKey key)
    {
        StopLeastRecentlyUsedBeyondCap();
        // Routed only after the calendar was found; a calendar retired meanwhile is caught by the day's own window checks later.
        var calendar = _calendars.Find(key.Calendar)!;
        var name = string.Create(CultureInfo.InvariantCulture, $"{key.Calendar}-{LocalDatePattern.Iso.Format(key.Date!.Value)}");
        var day = Context.ActorOf(BoardActor.Props(calendar, key.Date, _settings, _storageHealth, _broadcaster), name);
        Context.WatchWith(day, new DayStopped(key));
        _recent.Touch(key);
        return day;
    }

    /// <summary>Makes room for one more day: the least recently used running ones are asked to stop (days already stopping do not count).</summary>
    private void StopLeastRecentlyUsedBeyondCap()
    {
        while (_days.Count - _days.StoppingCount >= _routerSettings.MaxLiveDays && _recent.TryTakeOldest(out var oldest))
            _days.Passivate(oldest, BoardActor.Stop);
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
            if (BoardActor.DayOf(id) is { } key) _touched.Add(key);
        }
        _touchedKnown = true;
        _log.Debug("{0} touched days known from the journal", _touched.Count);
    }

    private sealed record DayStopped(BoardKey Key);

    private sealed record TouchedDaysRead(IReadOnlyList<string> PersistenceIds);

    private sealed record ReadTouchedDays
    {
        public static ReadTouchedDays Instance { get; } = new();
    }
}

/// <summary>Asks the board router how many day boards are alive (stopping ones included); answered with <see cref="LiveDays"/>.</summary>
public sealed record GetLiveDays
{
    public static GetLiveDays Instance { get; } = new();
}

/// <param name="Count">Day boards alive now, stopping ones included (the default board, which always lives, is not counted).</param>
/// <param name="TouchedDaysKnown">The touched days have been read from the journal: reads of untouched days start nothing.</param>
public sealed record LiveDays(int Count, bool TouchedDaysKnown);
