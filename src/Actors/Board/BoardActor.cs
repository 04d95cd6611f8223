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

namespace SlotBooking.Actors.Board;

/// <summary>
/// One board: a date of a dated calendar, or the default calendar's undated board. The parent of the board's slot
/// actors (it starts them, routes each command to its hour's slot, and passivates them) and the read model of the board.
/// <list type="bullet">
/// <item>A command for an hour the calendar does not have, or outside a dated calendar's booking window, is refused
/// here without starting a slot; the slot judges the window again when it decides, since time passes in between.</item>
/// <item>A day journals which hours were ever touched (<see cref="HourTouched"/>), so reading a day nobody touched
/// replays one empty stream and wakes no slot; a touched day wakes only its touched slots. Its first touched hour is
/// told to its router (<see cref="BoardTouched"/>), which answers reads of untouched days without starting them. A
/// command to an untouched hour is decided first on a free slot: one that would be refused (a cancel of nothing, a
/// booking without the sign-in it needs) is answered here, and stores nothing. An hour is touched only by a command
/// that will change it.</item>
/// <item>The undated board journals nothing: every hour of it counts as touched, so all its slots recover when it
/// starts, and it never passivates. Its read model answers every read of the default calendar (and <c>/health</c>)
/// without waking a slot, and its first complete view is broadcast, which is the first <c>slots_update</c> a new
/// connection gets.</item>
/// <item>Its slots report their stored state to it (<see cref="SlotStateChanged"/>); once every touched slot has,
/// the board is ready, and tells the broadcaster of each change. Reads that come before then wait for it.</item>
/// </list>
/// </summary>
public sealed class BoardActor : ReceivePersistentActor
{
    private readonly CalendarDefinition _startedWith;
    private readonly LocalDate? _date;
    private readonly BoardKey _key;
    private readonly SlotActorSettings _settings;
    private readonly IActorRef _storageHealth;
    private readonly IActorRef _broadcaster;
    private readonly CalendarLookup _calendars = CalendarLookup.For(Context.System);
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly BoardReadModel _model = new();
    private readonly PassivatingChildren<int> _slots;
    // Reads that came while touched slots were still recovering: answered once they have all reported.
    private readonly List<(object Read, IActorRef Sender)> _waitingReads = [];
    private (ISlotCommand Command, IActorRef Sender)? _touching;
    // Asked to stop: it stops once every slot has (each after its write in flight), so no answer is cut off.
    private bool _stopping;
    // The hours a view lists change only when an admin changes the calendar's hours: computed once per definition.
    private (CalendarDefinition Of, IReadOnlyList<int> Hours)? _hours;

    /// <param name="calendar">The board's calendar as it is when the board starts; an admin's later change is looked up (<see cref="CalendarLookup"/>).</param>
    /// <param name="date">The day of a dated calendar; null for the default calendar's undated board.</param>
    /// <param name="storageHealth">Told of storage failures of the board and its slots.</param>
    /// <param name="broadcaster">The DistributedPubSub mediator, through which each change is published once the board is ready, for the clients that watch it on any node.</param>
    public BoardActor(CalendarDefinition calendar, LocalDate? date, SlotActorSettings settings, IActorRef storageHealth, IActorRef broadcaster)
    {
        if (calendar.Dated != date.HasValue)
            throw new ArgumentException($"Calendar '{calendar.Id}' is {(calendar.Dated ? "dated: its boards need a date" : "undated: its board has no date")}", nameof(date));
        _startedWith = calendar;
        _date = date;
        _key = new BoardKey(calendar.Id, date);
        _settings = settings;
        _storageHealth = storageHealth;
        _broadcaster = broadcaster;
        _slots = new PassivatingChildren<int>(StartSlot);
        if (date is null)
        {
            for (var hour = calendar.FirstHour; hour <= calendar.LastHour; hour++) _model.Touch(hour);
        }

        Recover<HourTouched>(e => _model.Touch(e.Hour));
        Recover<RecoveryCompleted>(_ =>
        {
            foreach (var hour in _model.Touched) _slots.Child(hour);
            _model.Started();
            if (date is not null) SetReceiveTimeout(_settings.IdleTimeout);
        });

        Command<BoardEnvelope>(OnEnvelope);
        Command<ISlotCommand>(OnCommand);
        Command<GetSlotState>(OnGetSlotState);
        Command<SlotStateChanged>(OnSlotState);
        Command<ReadBoard>(m => Read(m, Sender));
        Command<GetBoard>(m => Read(m, Sender));
        Command<StorageFailed>(m => _storageHealth.Forward(m));
        Command<Passivate>(request => _slots.OnPassivate(Sender, request));
        // Plain Watch and Terminated, not WatchWith: under load a persistent parent was seen receiving the plain
        // Terminated of a slot instead of the custom message (and dying of a DeathPactException).
        Command<Terminated>(t => OnSlotStopped(HourOf(t.ActorRef)));
        // Idle with all its slots passivated: ask the parent to stop it (the parent holds what arrives meanwhile).
        Command<ReceiveTimeout>(_ =>
        {
            if (_slots.Count == 0) Context.Parent.Tell(new Passivate(StopBoard.Instance));
        });
        Command<StopBoard>(_ => StopWhenSlotsHaveStopped());
    }

    /// <inheritdoc cref="BoardActor(CalendarDefinition, LocalDate?, SlotActorSettings, IActorRef, IActorRef)"/>
    public static Props Props(CalendarDefinition calendar, LocalDate? date, SlotActorSettings settings, IActorRef storageHealth, IActorRef broadcaster) =>
        Akka.Actor.Props.Create(() => new BoardActor(calendar, date, settings, storageHealth, broadcaster));

    /// <summary><c>day-{calendar}-{YYYY-MM-DD}</c>, the stream of a day's touched hours.</summary>
    public static string PersistenceIdFor(CalendarDefinition calendar, LocalDate date) =>
        string.Create(CultureInfo.InvariantCulture, $"day-{calendar.Id}-{LocalDatePattern.Iso.Format(date)}");

    /// <summary>The undated board's id. It journals nothing and skips recovery (<see cref="Recovery"/>): it is never read.</summary>
    public const string UndatedPersistenceId = "board-default";

    public override string PersistenceId => _date is { } date ? PersistenceIdFor(_startedWith, date) : UndatedPersistenceId;

    public override Recovery Recovery => _date is null ? Recovery.None : Recovery.Default;

    /// <summary>The day a persistence id of <see cref="PersistenceIdFor"/> names; null for any other id.</summary>
    public static BoardKey? DayOf(string persistenceId)
    {
        // day-{calendar}-{YYYY-MM-DD}: the calendar id may itself hold '-', the date is the last ten characters.
        const string prefix = "day-";
        const int dateLength = 10;
        if (!persistenceId.StartsWith(prefix, StringComparison.Ordinal) || persistenceId.Length < prefix.Length + dateLength + 2) return null;
        var dateStart = persistenceId.Length - dateLength;
        if (persistenceId[dateStart - 1] != '-') return null;
        var date = LocalDatePattern.Iso.Parse(persistenceId[dateStart..]);
        return date.Success ? new BoardKey(persistenceId[prefix.Length..(dateStart - 1)], date.Value) : null;
    }

    /// <summary>The message that stops a board once its slots have stopped, each after its write in flight (passivation, or its router's cap).</summary>
    public static object Stop => StopBoard.Instance;

    /// <summary>A slot that fails is stopped, not restarted in place: it recovers from stored state on its next message.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop);

    private void OnEnvelope(BoardEnvelope envelope)
    {
        switch (envelope.Message)
        {
            case ISlotCommand command:
                OnCommand(command);
                break;
            case ReadBoard or GetBoard:
                Read(envelope.Message, Sender);
                break;
            case GetSlotState get:
                OnGetSlotState(get);
                break;
            default:
                Unhandled(envelope.Message);
                break;
        }
    }

    private void OnCommand(ISlotCommand command)
    {
        var hour = command.SlotId;
        var now = _settings.Clock.GetUtcNow();
        var calendar = Calendar;
        if (BoardWindow.Refusal(calendar, _date, command, Instant.FromDateTimeOffset(now)) is { } refusal)
        {
            Sender.Tell(refusal);
            return;
        }
        if (_model.IsTouched(hour))
        {
            _slots.Deliver(hour, command, Sender);
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
            if (_model.Touched.Count == 0) Context.Parent.Tell(new BoardTouched(_key));
            _model.Touch(touched.Hour);
            _touching = null;
            _slots.Deliver(touched.Hour, command, sender);
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
        _slots.Deliver(get.SlotId, get, Sender);
    }

    private void OnSlotState(SlotStateChanged change)
    {
        var publish = _model.Apply(change);
        if (!IsReady) return;
        if (_waitingReads.Count > 0) AnswerWaitingReads();
        if (!publish) return;
        var view = View();
        // To the board's topic: every node's broadcaster with a watcher of this board has subscribed to it.
        _broadcaster.Tell(BoardTopic.Publish(new BoardChanged(view.Slots, _settings.Clock.GetUtcNow(), view.Version, view.SlotVersions) { Board = _key }));
    }

    private void OnSlotStopped(int hour)
    {
        var asked = _slots.OnStopped(hour);
        if (_stopping)
        {
            if (_slots.Count == 0) Context.Stop(Self);
            return;
        }
        if (asked) return;
        _log.Warning("Slot {0} of board {1} stopped unexpectedly; it recovers on its next message", hour, _key);
        // It may never report now (its recovery failed): waiting reads get the board as known, marked not ready.
        if (!_model.IsKnown(hour)) AnswerWaitingReads();
    }

    /// <summary>A slot child is named <c>slot-{hour}</c> (see <see cref="StartSlot"/>).</summary>
    private static int HourOf(IActorRef slot) =>
        int.Parse(slot.Path.Name.AsSpan("slot-".Length), NumberStyles.None, CultureInfo.InvariantCulture);

    private bool IsReady => _model.IsReady;

    /// <summary>
    /// The parent holds what arrives for this board from now on. Slots still running (a command may have come after the
    /// board asked to passivate) are told to stop, which each does once its write in flight is stored and answered.
    /// </summary>
    private void StopWhenSlotsHaveStopped()
    {
        _stopping = true;
        if (_slots.Count == 0)
        {
            Context.Stop(Self);
            return;
        }
        foreach (var slot in Context.GetChildren()) slot.Tell(StopSlot.Instance);
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
    private CalendarDefinition Calendar => _calendars.Find(_startedWith.Id) ?? _startedWith;

    private BoardView View()
    {
        var calendar = Calendar;
        if (_hours is not { } cached || !ReferenceEquals(cached.Of, calendar)) _hours = cached = (calendar, BoardViews.HoursOf(calendar, _date));
        return _model.View(calendar, cached.Hours);
    }

    private IActorRef StartSlot(int hour)
    {
        var identity = _date is { } date ? SlotIdentity.OfDated(_startedWith, date, hour) : SlotIdentity.OfDefault(hour);
        var slot = Context.ActorOf(SlotActor.Props(identity, _settings, Self), $"slot-{hour}");
        Context.Watch(slot);
        return slot;
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        // Nothing reached the slot: its sender is told at once; commands that were waiting become dead letters,
        // which the undelivered-command responder answers.
        _log.Error(cause, "Storing {0} failed; board {1} restarts from stored state", @event, _key);
        _storageHealth.Tell(new StorageFailed(StorageProblem.Describe(cause)));
        if (_touching is { } touching) touching.Sender.Tell(SlotReply.StorageFailed(touching.Command));
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    private sealed record StopBoard
    {
        public static StopBoard Instance { get; } = new();
    }
}
