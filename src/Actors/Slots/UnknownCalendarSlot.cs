using Akka.Actor;
using SlotBooking.Actors.Domain;
using ShardingPassivate = Akka.Cluster.Sharding.Passivate;

namespace SlotBooking.Actors.Slots;

/// <summary>
/// What the slots' region starts for a dated slot whose calendar this node's registry does not hold: a calendar created
/// through another node a moment ago, before the catalog's change reached this node. It stores and recovers nothing:
/// every command is refused at once with the calendar named (nothing changed; a retry finds the slot once the registry
/// has the calendar), and it asks sharding to stop it, so the next message starts the slot again. Throwing from the
/// entity's factory instead would fail the whole shard, and the command would wait for its ask timeout.
/// </summary>
public sealed class UnknownCalendarSlot : ReceiveActor
{
    public UnknownCalendarSlot(string calendarId)
    {
        var text = $"Unknown calendar: {calendarId}";
        Receive<ISlotCommand>(command => Sender.Tell(new SlotReply(command.CorrelationId,
            new SlotCommandResult(command.SlotId, SlotCommandResult.KindOf(command), SlotOutcome.UnknownSlot, text), 0)));
        Receive<GetSlotState>(_ => Sender.Tell(new Status.Failure(new ArgumentException(text, "calendar"))));
        // No stored state to report: a board waiting for it answers its reads "not ready" at its wait limit.
        Receive<ReportSlotState>(_ => { });
        Receive<StopSlot>(_ => Context.Stop(Self));
    }

    public static Props Props(string calendarId) => Akka.Actor.Props.Create(() => new UnknownCalendarSlot(calendarId));

    protected override void PreStart() => Context.Parent.Tell(new ShardingPassivate(StopSlot.Instance));
}
