using Akka.Actor;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Slots;
using SlotBooking.Tests.Actors;

namespace SlotBooking.Tests.Sessions;

/// <summary>
/// Stands where the boards' shard region is, for session specs: the default board's messages go to one probe as the
/// board receives them (unwrapped, sender kept), every other board's to another, still in their envelope.
/// </summary>
internal sealed class BoardRegionStandIn : ReceiveActor
{
    public BoardRegionStandIn(IActorRef defaultBoard, IActorRef days) =>
        Receive<BoardEnvelope>(e =>
        {
            if (e.Board.IsDefault) defaultBoard.Forward(e.Message);
            else days.Forward(e);
        });
}

/// <summary>
/// Stands where the slots' shard region is, for session specs: the default board's commands come this way
/// (<see cref="Boards"/>), and go to the same probe as the default board's reads, unwrapped, sender kept.
/// </summary>
internal sealed class SlotRegionStandIn : ReceiveActor
{
    public SlotRegionStandIn(IActorRef defaultSlots) => Receive<SlotEnvelope>(e => defaultSlots.Forward(e.Message));
}

internal static class BoardRegionStandIns
{
    /// <summary>Both regions' stand-ins; the default calendar is <see cref="LabDay.Default"/> (3-14).</summary>
    public static Boards Boards(ActorSystem system, IActorRef defaultBoard, IActorRef days) =>
        new(system.ActorOf(Props.Create(() => new BoardRegionStandIn(defaultBoard, days))),
            system.ActorOf(Props.Create(() => new SlotRegionStandIn(defaultBoard))),
            id => id == CalendarDefinition.DefaultId ? LabDay.Default : null);
}
