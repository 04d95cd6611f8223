using System.Globalization;
using Akka.Actor;
using Akka.Event;
using NodaTime.Text;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Slots;

namespace SlotBooking.Actors.Days;

/// <summary>
/// Parent of the day actors of every dated calendar: routes each <see cref="DayEnvelope"/> to the day it addresses,
/// starting the day on demand, and refuses a calendar that does not exist (or is not dated) without starting
/// anything. Idle days passivate themselves, so memory follows the days in use, not the days that exist.
/// </summary>
public sealed class DayRouter : ReceiveActor
{
    private readonly Func<string, CalendarDefinition?> _findCalendar;
    private readonly SlotActorSettings _settings;
    private readonly IActorRef _storageHealth;
    private readonly IActorRef _broadcaster;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly PassivatingChildren<DayKey> _days;

    /// <param name="findCalendar">The calendar with an id, as the registry has it now; null when there is none.</param>
    public DayRouter(Func<string, CalendarDefinition?> findCalendar, SlotActorSettings settings, IActorRef storageHealth, IActorRef broadcaster)
    {
        _findCalendar = findCalendar;
        _settings = settings;
        _storageHealth = storageHealth;
        _broadcaster = broadcaster;
        _days = new PassivatingChildren<DayKey>(StartDay);

        Receive<DayEnvelope>(Route);
        Receive<Passivate>(request => _days.OnPassivate(Sender, request));
        Receive<DayStopped>(m =>
        {
            if (!_days.OnStopped(m.Key)) _log.Warning("Day {0} stopped unexpectedly; it recovers on its next message", m.Key);
        });
    }

    public static Props Props(Func<string, CalendarDefinition?> findCalendar, SlotActorSettings settings, IActorRef storageHealth, IActorRef broadcaster) =>
        Akka.Actor.Props.Create(() => new DayRouter(findCalendar, settings, storageHealth, broadcaster));

    /// <summary>A day that fails is stopped, not restarted in place: it recovers from stored state on its next message.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop);

    private void Route(DayEnvelope envelope)
    {
        if (_findCalendar(envelope.CalendarId) is not { Dated: true })
        {
            RefuseUnknownCalendar(envelope);
            return;
        }
        _days.Deliver(new DayKey(envelope.CalendarId, envelope.Date), envelope.Message, Sender);
    }

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
        // Routed only after the calendar was found; a calendar retired meanwhile is caught by the day's own window checks later.
        var calendar = _findCalendar(key.CalendarId)!;
        var name = string.Create(CultureInfo.InvariantCulture, $"{key.CalendarId}-{LocalDatePattern.Iso.Format(key.Date)}");
        var day = Context.ActorOf(DayActor.Props(calendar, key.Date, _settings, _storageHealth, _broadcaster), name);
        Context.WatchWith(day, new DayStopped(key));
        return day;
    }

    private sealed record DayStopped(DayKey Key);
}
