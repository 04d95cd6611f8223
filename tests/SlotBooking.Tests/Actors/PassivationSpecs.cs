using Akka.Actor;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Slots;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Actors;

/// <summary>
/// Passivation in the shape sharding uses: an idle slot asks its parent with <see cref="Passivate"/>, the parent holds
/// back what arrives meanwhile and sends the stop message back, and nothing sent meanwhile is lost. The parent's side,
/// a board's, is in <see cref="DefaultBoardSpecs"/>.
/// </summary>
public sealed class PassivationSpecs : IDisposable
{
    private static readonly SlotActorSettings QuicklyIdle = SlotActorSettings.Default with { IdleTimeout = TimeSpan.FromMilliseconds(300) };

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void An_idle_slot_asks_its_parent_and_stops_on_the_stop_message_only_once_its_write_is_done()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        // The probe is the slot's parent, where a shard region would be.
        var parent = kit.CreateTestProbe();
        var slot = parent.ChildActorOf(SlotActor.Props(9, QuicklyIdle, kit.CreateTestProbe().Ref));
        kit.Watch(slot);

        var request = parent.ExpectMsg<Passivate>(TimeSpan.FromSeconds(10));
        Assert.Equal(slot, parent.LastSender);

        // A command arrives before the parent answers: the slot writes it, and the stop message waits for the write.
        slot.Tell(new BookSlot(9, CorrelationId: 1), kit.TestActor);
        slot.Tell(request.StopMessage, parent.Ref);
        var reply = kit.ExpectMsg<SlotReply>();
        Assert.Equal(1, reply.CorrelationId);
        Assert.True(reply.Result.Success);
        kit.ExpectTerminated(slot);
    }
}
