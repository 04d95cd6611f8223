using Akka.Actor;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Slots;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Actors;

/// <summary>
/// A slot's own stop message, which sharding sends it to passivate it (idle) or hand it off: it stops only once the
/// write in flight is stored and answered. Idle passivation itself is sharding's (see <see cref="DefaultBoardSpecs"/>).
/// </summary>
public sealed class PassivationSpecs : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void A_slot_told_to_stop_while_writing_answers_the_write_and_then_stops()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var slot = kit.Sys.ActorOf(SlotActor.Props(9, SlotActorSettings.Default, kit.CreateTestProbe().Ref));
        kit.Watch(slot);

        slot.Tell(new BookSlot(9, CorrelationId: 1), kit.TestActor);
        slot.Tell(StopSlot.Instance);
        var reply = kit.ExpectMsg<SlotReply>();
        Assert.Equal(1, reply.CorrelationId);
        Assert.True(reply.Result.Success);
        kit.ExpectTerminated(slot);
    }
}
