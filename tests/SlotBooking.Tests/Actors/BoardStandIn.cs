using Akka.Actor;
using Akka.TestKit;
using SlotBooking.Actors.Board;

namespace SlotBooking.Tests.Actors;

/// <summary>
/// A probe in the board's place that does the one thing slots rely on the board for: handing on the answers of a
/// stored batch. Its messages still queue for expectations.
/// </summary>
public static class BoardStandIn
{
    public static TestProbe Create(TestKitBase kit)
    {
        var probe = kit.CreateTestProbe();
        probe.SetAutoPilot(new DelegateAutoPilot((_, message) =>
        {
            if (message is SlotBatchStored batch)
                foreach (var answer in batch.Answers) answer.ReplyTo.Tell(answer.Result);
            return AutoPilot.KeepRunning;
        }));
        return probe;
    }
}
