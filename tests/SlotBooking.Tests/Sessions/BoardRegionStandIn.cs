using Akka.Actor;
using SlotBooking.Actors.Board;

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

internal static class BoardRegionStandIns
{
    public static Boards Boards(ActorSystem system, IActorRef defaultBoard, IActorRef days) =>
        new(system.ActorOf(Props.Create(() => new BoardRegionStandIn(defaultBoard, days))));
}
