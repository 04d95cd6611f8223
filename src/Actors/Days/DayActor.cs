using System.Collections.Immutable;
using System.Globalization;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using NodaTime;
using NodaTime.Text;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Slots;
using SlotBooking.Actors.Storage;

namespace SlotBooking.Actors.Days;

/// <summary>
/// One date of one dated calendar: the parent of that day's slot actors and the read model of the day.
/// <list type="bullet">
/// <item>It journals which hours were ever touched (<see cref="HourTouched"/>), so reading a day nobody touched
/// replays one empty stream and wakes no slot; a touched day wakes only its touched slots. Its first touched hour is
/// told to the router (<see cref="DayTouched"/>), which answers reads of untouched days without starting them.</item>
/// <item>A command outside the calendar's booking window is refused here, without starting a slot; the slot judges the
/// window again when it decides, since time passes in between. A command to an untouched hour is decided first on a
/// free slot: one that would be refused (a cancel of nothing, a booking without the sign-in it needs) is answered
/// here, and stores nothing. An hour is touched only by a command that will change it.</item>
/// <item>Its slots report their stored state to it, as the default calendar's slots do to the board.</item>
/// </list>
/// </summary>
public sealed class DayActor : ReceivePersistentActor
{
    private readonly CalendarDefinition _calendar;
    private readonly LocalDate _date;
    private readonly SlotActorSettings _settings;
    private readonly IActorRef _storageHealth;
    private readonly IActorRef _broadcaster;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly HashSet<int> _touched = [];
    private readonly Dictionary<int, SlotStateChanged> _known = [];
    private readonly PassivatingChildren<int> _slots;
    // Reads that came while touched slots were still recovering: answered once they have all reported.
    private readonly List<(object Read, IActorRef Sender)> _waitingReads = [];
    private (ISlotCommand Command, IActorRef Sender)? _touching;
    // Asked to stop: it stops once every slot has (each after its write in flight), so no answer is cut off.
    private bool _stopping;
    // The day's slots and their times change only when an admin changes the calendar's hours: computed once per definition.
    private (CalendarDefinition Of, IReadOnlyList<SlotInterval> Hours)? _hours;
    private long _version;

    public DayActor(CalendarDefinition calendar, LocalDate date, SlotActorSettings settings, IActorRef storageHealth, IActorRef broadcaster)
    {
        _calendar = calendar;
        _date = date;
        _settings = settings;
        _storageHealth = storageHealth;
        _broadcaster = broadcaster;
        _slots = new PassivatingChildren<int>(StartSlot);

        Recover<HourTouched>(e => _touched.Add(e.Hour));
        Recover<RecoveryCompleted>(_ =>
        {
            foreach (var hour in _touched) _slots.Child(hour);
            SetReceiveTimeout(_settings.IdleTimeout);
        });

        Command<ISlotCommand>(OnCommand);
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
            if (_slots.Count == 0) Context.Parent.Tell(new Passivate(StopDay.Instance));
        });
        Command<StopDay>(_ => StopWhenSlotsHaveStopped());
    }

    /// <param name="broadcaster">Told of each change once the day is known, for the clients that watch this day.</param>
    public static Props Props(CalendarDefinition calendar, LocalDate date, SlotActorSettings settings, IActorRef storageHealth, IActorRef broadcaster) =>
        Akka.Actor.Props.Create(() => new DayActor(calendar, date, settings, storageHealth, broadcaster));

    public static string PersistenceIdFor(CalendarDefinition calendar, LocalDate date) =>
        string.Create(CultureInfo.InvariantCulture, $"day-{calendar.Id}-{LocalDatePattern.Iso.Format(date)}");

    public override string PersistenceId => PersistenceIdFor(_calendar, _date);

    /// <summary>The day a persistence id of <see cref="PersistenceIdFor"/> names; null for any other id.</summary>
    public static DayKey? KeyOf(string persistenceId)
    {
        // day-{calendar}-{YYYY-MM-DD}: the calendar id may itself hold '-', the date is the last ten characters.
        const string prefix = "day-";
        const int dateLength = 10;
        if (!persistenceId.StartsWith(prefix, StringComparison.Ordinal) || persistenceId.Length < prefix.Length + dateLength + 2) return null;
        var dateStart = persistenceId.Length - dateLength;
        if (persistenceId[dateStart - 1] != '-') return null;
        var date = LocalDatePattern.Iso.Parse(persistenceId[dateStart..]);
        return date.Success ? new DayKey(persistenceId[prefix.Length..(dateStart - 1)], date.Value) : null;
    }

    /// <summary>The message that stops a day once its slots have stopped, each after its write in flight (passivation, or its router's cap).</summary>
    public static object Stop => StopDay.Instance;

    /// <summary>A slot that fails is stopped, not restarted in place: it recovers from stored state on its next message.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop);

    private void OnCommand(ISlotCommand command)
    {
        var hour = command.SlotId;
        var now = _settings.Clock.GetUtcNow();
        var calendar = Calendar;
        if (DayWindow.Refusal(calendar, _date, command, Instant.FromDateTimeOffset(now)) is { } refusal)
        {
            Sender.Tell(refusal);
            return;
        }
        if (_touched.Contains(hour))
        {
            _slots.Deliver(hour, command, Sender);
            return;
        }
        // An untouched hour's slot is free: a command refused on a free slot is answered as the slot would, storing nothing.
        if (DayWindow.RefusalOnFreeSlot(calendar, command, now) is { } refusedOnFree)
        {
            Sender.Tell(refusedOnFree);
            return;
        }
        // Persist (not PersistAsync): commands that arrive meanwhile wait, so the hour is touched once.
        var sender = Sender;
        _touching = (command, sender);
        Persist(new HourTouched(hour), touched =>
        {
            if (_touched.Count == 0) Context.Parent.Tell(new DayTouched(new DayKey(_calendar.Id, _date)));
            _touched.Add(touched.Hour);
            _touching = null;
            _slots.Deliver(touched.Hour, command, sender);
        });
    }

    private void OnSlotState(SlotStateChanged change)
    {
        var hour = change.State.SlotId;
        // A stale report (an earlier incarnation's) or an unchanged one after a restart changes nothing.
        if (_known.TryGetValue(hour, out var known) && (change.Version < known.Version || known == change)) return;
        // A slot nobody had reported yet was shown as free: reporting just that (a new slot's recovery) is no change.
        var changed = change != (known ?? new SlotStateChanged(SlotState.Free(hour), 0));
        _known[hour] = change;
        if (changed) _version++;
        if (!IsReady) return;
        if (_waitingReads.Count > 0) AnswerWaitingReads();
        if (!changed) return;
        var view = View();
        _broadcaster.Tell(new BoardChanged(view.Slots, _settings.Clock.GetUtcNow(), view.Version, view.SlotVersions)
        {
            Board = new BoardKey(_calendar.Id, _date),
            Calendar = Calendar,
        });
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
        _log.Warning("Slot {0} of {1} stopped unexpectedly; it recovers on its next message", hour, PersistenceId);
        // It may never report now (its recovery failed): waiting reads get the day as known, marked not ready.
        if (!_known.ContainsKey(hour)) AnswerWaitingReads();
    }

    /// <summary>A slot child is named <c>slot-{hour}</c> (see <see cref="StartSlot"/>).</summary>
    private static int HourOf(IActorRef slot) =>
        int.Parse(slot.Path.Name.AsSpan("slot-".Length), NumberStyles.None, CultureInfo.InvariantCulture);

    private bool IsReady => _touched.All(_known.ContainsKey);

    /// <summary>
    /// The parent holds what arrives for this day from now on. Slots still running (a command may have come after the
    /// day asked to passivate) are told to stop, which each does once its write in flight is stored and answered.
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

    /// <summary>The calendar as the registry holds it now (an admin may have changed it since this day started).</summary>
    private CalendarDefinition Calendar => _settings.FindCalendar(_calendar.Id) ?? _calendar;

    private BoardView View()
    {
        var calendar = Calendar;
        if (_hours is not { } cached || !ReferenceEquals(cached.Of, calendar)) _hours = cached = (calendar, SlotTimes.Day(calendar, _date));
        return DayView.Of(calendar, cached.Hours, _known, IsReady, _version);
    }

    private IActorRef StartSlot(int hour)
    {
        var slot = Context.ActorOf(SlotActor.Props(SlotIdentity.OfDated(_calendar, _date, hour), _settings, Self), $"slot-{hour}");
        Context.Watch(slot);
        return slot;
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        // Nothing reached the slot: its sender is told at once; commands that were waiting become dead letters,
        // which the undelivered-command responder answers.
        _log.Error(cause, "Storing {0} failed; the day restarts from stored state", @event);
        _storageHealth.Tell(new StorageFailed(StorageProblem.Describe(cause)));
        if (_touching is { } touching) touching.Sender.Tell(SlotReply.StorageFailed(touching.Command));
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    private sealed record StopDay
    {
        public static StopDay Instance { get; } = new();
    }
}
