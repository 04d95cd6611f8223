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
/// calendar, or the default calendar's undated board. It routes each command it is sent to its hour's slot through the
/// slots' shard region, and it is the read model of the board. The default board's commands are sent straight to their
/// slots (<see cref="Boards"/>); one that reaches it anyway is judged and routed as a day's.
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
/// every touched slot has, the board is ready, and tells the broadcaster of each change. Reads that come before then wait for it.
/// Its version is derived from its slots' stored versions (<see cref="BoardReadModel"/>), so it never goes back when the
/// board stops and starts again, here or on another node.</item>
/// <item>A session's read carries the slot versions it was answered at (<see cref="ReadBoard.Seen"/>); a read the model
/// cannot show yet waits while the slots concerned are asked for their state, at most
/// <see cref="SlotActorSettings.ReadWaitLimit"/>, then is answered "not ready", never with a view older than an answer.</item>
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
    // Reads that came while touched slots were still recovering, or that wait for a slot version the board has not
    // heard of yet (ReadBoard.Seen): each answered once the board can show what it asks for.
    private readonly List<(object Read, IActorRef Sender)> _waitingReads = [];
    // Hours whose slot was asked for its state for a waiting read, and has not reported since.
    private readonly HashSet<int> _reportAsked = [];
    // Fires on the settings' clock when the oldest read waiting for a slot version has waited ReadWaitLimit.
    private ITimer? _readWaitTimer;
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
        Command<ReadsWaitedTooLong>(_ => OnReadsWaitedTooLong());
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
        _reportAsked.Remove(change.State.SlotId);
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
        if (!IsReady && _waitingReads.Count > 0) AnswerAllNotReady();
    }

    private bool IsReady => _model.IsReady;

    /// <summary>A day asks its shard to stop it; the shard holds what arrives meanwhile and sends <see cref="Stop"/>. The default board lives on.</summary>
    private void Passivate()
    {
        if (!_key.IsDefault) Context.Parent.Tell(new ShardingPassivate(StopBoard.Instance));
    }

    /// <summary>
    /// Answers a read at once when the board is ready and shows every slot version the reader has seen; else holds it
    /// until it does (<see cref="AnswerWaitingReads"/>).
    /// </summary>
    private void Read(object read, IActorRef sender)
    {
        if (IsReady && Shows(read))
        {
            Answer(read, sender, View());
            return;
        }
        _waitingReads.Add((read, sender));
        if (IsReady) AwaitSeenVersions();
    }

    /// <summary>True when the model shows every slot at least at the version the read has seen (hours the calendar no longer has aside).</summary>
    private bool Shows(object read)
    {
        if (read is not ReadBoard { Seen: { Count: > 0 } seen }) return true;
        var calendar = Calendar;
        foreach (var slot in seen)
            if (calendar.HasHour(slot.SlotId) && _model.VersionOf(slot.SlotId) < slot.Version) return false;
        return true;
    }

    /// <summary>
    /// Answers the waiting reads the board can answer now. While ready, the others wait for a slot version it has not
    /// heard of: the slot's report may be on its way (by another path than the answer the reader had, maybe through
    /// another node) or lost, so each such slot is asked for its state, once until it reports. The slot answered the
    /// reader after its write was stored, so whatever it reports now is at least that version. They wait at most
    /// <see cref="SlotActorSettings.ReadWaitLimit"/>.
    /// </summary>
    private void AnswerWaitingReads()
    {
        BoardView? view = null;
        _waitingReads.RemoveAll(waiting =>
        {
            if (!IsReady || !Shows(waiting.Read)) return false;
            Answer(waiting.Read, waiting.Sender, view ??= View());
            return true;
        });
        if (IsReady) AwaitSeenVersions();
    }

    private void AwaitSeenVersions()
    {
        if (_waitingReads.Count == 0)
        {
            _readWaitTimer?.Dispose();
            _readWaitTimer = null;
            return;
        }
        var calendar = Calendar;
        foreach (var (read, _) in _waitingReads)
        {
            if (read is not ReadBoard { Seen: { } seen }) continue;
            foreach (var slot in seen)
                if (calendar.HasHour(slot.SlotId) && _model.VersionOf(slot.SlotId) < slot.Version && _reportAsked.Add(slot.SlotId))
                    ToSlot(slot.SlotId, ReportSlotState.Instance, Self);
        }
        if (_readWaitTimer is not null) return;
        var self = Self;
        _readWaitTimer = _settings.Clock.CreateTimer(_ => self.Tell(ReadsWaitedTooLong.Instance), null, _settings.ReadWaitLimit, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Reads that still wait for a slot version (its report lost, or its slot failing to recover) are answered with the
    /// board marked not ready, which a session turns into "ask again shortly": never a view without a change its reader
    /// was already answered. A board not ready yet keeps its reads until it is, as before any read waited for a version.
    /// </summary>
    private void OnReadsWaitedTooLong()
    {
        _readWaitTimer?.Dispose();
        _readWaitTimer = null;
        if (!IsReady || _waitingReads.Count == 0) return;
        var view = View() with { IsReady = false };
        foreach (var (read, sender) in _waitingReads) Answer(read, sender, view);
        _waitingReads.Clear();
        // A slot asked and not heard from may be asked again by the next read.
        _reportAsked.Clear();
    }

    private void AnswerAllNotReady()
    {
        var view = View();
        foreach (var (read, sender) in _waitingReads) Answer(read, sender, view);
        _waitingReads.Clear();
    }

    protected override void PostStop()
    {
        _readWaitTimer?.Dispose();
        base.PostStop();
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

    /// <summary>The clock's signal that reads waiting for a slot version have waited <see cref="SlotActorSettings.ReadWaitLimit"/>.</summary>
    private sealed record ReadsWaitedTooLong
    {
        public static ReadsWaitedTooLong Instance { get; } = new();
    }

    /// <summary>Sent by the node's <see cref="LiveDayBoards"/> bound: the day asks its shard to passivate it.</summary>
    public sealed record PassivateDay
    {
        public static PassivateDay Instance { get; } = new();
        private PassivateDay() { }
    }
}
