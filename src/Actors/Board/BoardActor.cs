using System.Globalization;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using NodaTime;
using NodaTime.Text;
using SlotBooking.Actors.Broadcast;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Slots;
using SlotBooking.Actors.Storage;
using ShardingPassivate = Akka.Cluster.Sharding.Passivate;

namespace SlotBooking.Actors.Board;

/// <summary>
/// One board, a sharded entity (type <c>board</c>, entity id <see cref="BoardKey.EntityId"/>): a date of a dated
/// calendar, or the default calendar's undated board. It routes each command to its hour's slot through the slots'
/// shard region, and it is the read model of the board.
/// <list type="bullet">
/// <item>A command for an hour the calendar does not have, or outside a dated calendar's booking window, is refused
/// here without starting a slot; the slot judges the window again when it decides, since time passes in between. A
/// board of a calendar that does not exist refuses everything and passivates.</item>
/// <item>A day journals which hours were ever touched (<see cref="HourTouched"/>), so reading a day nobody touched
/// replays one empty stream and wakes no slot; a touched day wakes only its touched slots (<see cref="ReportSlotState"/>).
/// A command to an untouched hour is decided first on a free slot: one that would be refused (a cancel of nothing, a
/// booking without the sign-in it needs) is answered here, and stores nothing. An hour is touched only by a command
/// that will change it.</item>
/// <item>The undated board journals nothing: every hour of it counts as touched, so all its slots report when it
/// starts, and it never passivates (its region does not passivate idle boards). Its read model answers every read of
/// the default calendar (and <c>/health</c>) without waking a slot, and its first complete view is broadcast, which is
/// the first <c>slots_update</c> a new connection gets.</item>
/// <item>Its slots report their stored state to it (<see cref="SlotStateChanged"/>, through the boards' region); once
/// every touched slot has, the board is ready, and tells the broadcaster of each change. Reads that come before then wait for it.</item>
/// <item>A day board passivates through sharding when idle for <see cref="SlotActorSettings.IdleTimeout"/>, or when
/// the node's <see cref="LiveDayBoards"/> bound asks it to; its stop message (<see cref="Stop"/>) waits for a touched
/// hour's write in flight, as every command does.</item>
/// </list>
/// </summary>
public sealed class BoardActor : ReceivePersistentActor
{
    private readonly CalendarDefinition? _startedWith;
    private readonly BoardKey _key;
    private readonly SlotActorSettings _settings;
    private readonly BoardPeers _peers;
    private readonly CalendarLookup _calendars = CalendarLookup.For(Context.System);
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly BoardReadModel _model = new();
    // Reads that came while touched slots were still recovering: answered once they have all reported.
    private readonly List<(object Read, IActorRef Sender)> _waitingReads = [];
    private (ISlotCommand Command, IActorRef Sender)? _touching;
    // The hours a view lists change only when an admin changes the calendar's hours: computed once per definition.
    private (CalendarDefinition Of, IReadOnlyList<int> Hours)? _hours;

    /// <param name="key">Which board.</param>
    /// <param name="calendar">The board's calendar as it is when the board starts (an admin's later change is looked up, <see cref="CalendarLookup"/>); null when no such calendar exists.</param>
    public BoardActor(BoardKey key, CalendarDefinition? calendar, SlotActorSettings settings, BoardPeers peers)
    {
        if (calendar is not null && (calendar.Id != key.Calendar || calendar.Dated != key.Date.HasValue))
            throw new ArgumentException($"Calendar '{calendar.Id}' does not fit board {key}", nameof(calendar));
        _startedWith = calendar;
        _key = key;
        _settings = settings;
        _peers = peers;
        if (calendar is null)
        {
            UnknownCalendar();
            return;
        }
        if (key.IsDefault)
        {
            for (var hour = calendar.FirstHour; hour <= calendar.LastHour; hour++) _model.Touch(hour);
        }

        Recover<HourTouched>(e => _model.Touch(e.Hour));
        Recover<RecoveryCompleted>(_ =>
        {
            foreach (var hour in _model.Touched) _peers.Slots.Tell(new SlotEnvelope(SlotEntityId(hour), ReportSlotState.Instance));
            _model.Started();
            if (!key.IsDefault)
            {
                SetReceiveTimeout(_settings.IdleTimeout);
                _peers.LiveDays?.Tell(new DayBoardStarted(key));
            }
        });

        Command<ISlotCommand>(OnCommand);
        Command<GetSlotState>(OnGetSlotState);
        Command<SlotStateChanged>(OnSlotState);
        Command<ReadBoard>(m => Read(m, Sender));
        Command<GetBoard>(m => Read(m, Sender));
        Command<StorageFailed>(OnStorageFailed);
        Command<ReceiveTimeout>(_ => Passivate());
        Command<PassivateDay>(_ => Passivate());
        Command<StopBoard>(_ => Context.Stop(Self));
    }

    public static Props Props(BoardKey key, CalendarDefinition? calendar, SlotActorSettings settings, BoardPeers peers) =>
        Akka.Actor.Props.Create(() => new BoardActor(key, calendar, settings, peers));

    /// <summary><c>day-{calendar}-{YYYY-MM-DD}</c>, the stream of a day's touched hours.</summary>
    public static string PersistenceIdFor(CalendarDefinition calendar, LocalDate date) => PersistenceIdFor(calendar.Id, date);

    private static string PersistenceIdFor(string calendarId, LocalDate date) =>
        string.Create(CultureInfo.InvariantCulture, $"day-{calendarId}-{LocalDatePattern.Iso.Format(date)}");

    /// <summary>The undated board's id. It journals nothing and skips recovery (<see cref="Recovery"/>): it is never read.</summary>
    public const string UndatedPersistenceId = "board-default";

    public override string PersistenceId => _key.Date is { } date ? PersistenceIdFor(_key.Calendar, date) : UndatedPersistenceId;

    public override Recovery Recovery => _key.Date is null || _startedWith is null ? Recovery.None : Recovery.Default;

    /// <summary>The board's stop message, sharding's hand-off and passivation message for boards.</summary>
    public static object Stop => StopBoard.Instance;

    private void OnCommand(ISlotCommand command)
    {
        var hour = command.SlotId;
        var now = _settings.Clock.GetUtcNow();
        var calendar = Calendar;
        if (BoardWindow.Refusal(calendar, _key.Date, command, Instant.FromDateTimeOffset(now)) is { } refusal)
        {
            Sender.Tell(refusal);
            return;
        }
        if (_model.IsTouched(hour))
        {
            ToSlot(hour, command, Sender);
            return;
        }
        // An untouched hour's slot is free: a command refused on a free slot is answered as the slot would, storing nothing.
        if (BoardWindow.RefusalOnFreeSlot(calendar, command, now) is { } refusedOnFree)
        {
            Sender.Tell(refusedOnFree);
            return;
        }
        // Persist (not PersistAsync): commands that arrive meanwhile wait, so the hour is touched once.
        var sender = Sender;
        _touching = (command, sender);
        Persist(new HourTouched(hour), touched =>
        {
            _model.Touch(touched.Hour);
            _touching = null;
            ToSlot(touched.Hour, command, sender);
        });
    }

    /// <summary>A slot's state, from the slot itself (started if it is not running); an hour the calendar lacks is a failure.</summary>
    private void OnGetSlotState(GetSlotState get)
    {
        if (!Calendar.HasHour(get.SlotId))
        {
            Sender.Tell(new Status.Failure(new ArgumentOutOfRangeException(nameof(get), get.SlotId, $"Slot {get.SlotId} does not exist on {_key}")));
            return;
        }
        ToSlot(get.SlotId, get, Sender);
    }

    private void ToSlot(int hour, object message, IActorRef sender) => _peers.Slots.Tell(new SlotEnvelope(SlotEntityId(hour), message), sender);

    /// <summary>The slot's entity id: its persistence id, so that journals written before sharding recover.</summary>
    private string SlotEntityId(int hour) => _key.Date is { } date
        ? SlotIdentity.OfDated(Calendar, date, hour).PersistenceId
        : SlotIdentity.OfDefault(hour).PersistenceId;

    private void OnSlotState(SlotStateChanged change)
    {
        var publish = _model.Apply(change);
        if (!IsReady) return;
        if (_waitingReads.Count > 0) AnswerWaitingReads();
        if (!publish) return;
        var view = View();
        // To the board's topic: every node's broadcaster with a watcher of this board has subscribed to it.
        _peers.Publisher.Tell(BoardTopic.Publish(new BoardChanged(view.Slots, _settings.Clock.GetUtcNow(), view.Version, view.SlotVersions) { Board = _key }));
    }

    private void OnStorageFailed(StorageFailed failed)
    {
        _peers.StorageHealth.Forward(failed);
        // A slot whose recovery failed may not report until it is started again: waiting reads get the board as known, marked not ready.
        if (!IsReady && _waitingReads.Count > 0) AnswerWaitingReads();
    }

    private bool IsReady => _model.IsReady;

    /// <summary>A day asks its shard to stop it; the shard holds what arrives meanwhile and sends <see cref="Stop"/>. The default board lives on.</summary>
    private void Passivate()
    {
        if (!_key.IsDefault) Context.Parent.Tell(new ShardingPassivate(StopBoard.Instance));
    }

    private void Read(object read, IActorRef sender)
    {
        if (!IsReady)
        {
            _waitingReads.Add((read, sender));
            return;
        }
        Answer(read, sender, View());
    }

    private void AnswerWaitingReads()
    {
        var view = View();
        foreach (var (read, sender) in _waitingReads) Answer(read, sender, view);
        _waitingReads.Clear();
    }

    private static void Answer(object read, IActorRef sender, BoardView view) =>
        sender.Tell(read is ReadBoard r ? new BoardRead(r.CorrelationId, view) : view);

    /// <summary>The calendar as the registry holds it now (an admin may have changed it since this board started).</summary>
    private CalendarDefinition Calendar => _calendars.Find(_startedWith!.Id) ?? _startedWith;

    private BoardView View()
    {
        var calendar = Calendar;
        if (_hours is not { } cached || !ReferenceEquals(cached.Of, calendar)) _hours = cached = (calendar, BoardViews.HoursOf(calendar, _key.Date));
        return _model.View(calendar, cached.Hours);
    }

    /// <summary>A board of a calendar that does not exist: every command and read is refused, and it asks to stop at once.</summary>
    private void UnknownCalendar()
    {
        var text = $"Unknown calendar: {_key.Calendar}";
        Command<ISlotCommand>(command => Sender.Tell(new SlotReply(command.CorrelationId,
            new SlotCommandResult(command.SlotId, SlotCommandResult.KindOf(command), SlotOutcome.UnknownSlot, text), 0)));
        Command<SlotStateChanged>(_ => { });
        Command<StorageFailed>(m => _peers.StorageHealth.Forward(m));
        Command<StopBoard>(_ => Context.Stop(Self));
        CommandAny(_ => Sender.Tell(new Status.Failure(new ArgumentException(text, "board"))));
        Context.Parent.Tell(new ShardingPassivate(StopBoard.Instance));
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        // Nothing reached the slot: its sender is told at once; commands that were waiting become dead letters,
        // which the undelivered-command responder answers.
        _log.Error(cause, "Storing {0} failed; board {1} restarts from stored state", @event, _key);
        _peers.StorageHealth.Tell(new StorageFailed(StorageProblem.Describe(cause)));
        if (_touching is { } touching) touching.Sender.Tell(SlotReply.StorageFailed(touching.Command));
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    /// <summary>The board's stop message. Handled as a command, so it waits for a touched hour's write in flight.</summary>
    public sealed record StopBoard
    {
        public static StopBoard Instance { get; } = new();
        private StopBoard() { }
    }

    /// <summary>Sent by the node's <see cref="LiveDayBoards"/> bound: the day asks its shard to passivate it.</summary>
    public sealed record PassivateDay
    {
        public static PassivateDay Instance { get; } = new();
        private PassivateDay() { }
    }
}
