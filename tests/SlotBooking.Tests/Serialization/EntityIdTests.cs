using NodaTime;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Sharding;
using SlotBooking.Actors.Slots;
using SlotBooking.Tests.Actors;

namespace SlotBooking.Tests.Serialization;

/// <summary>Entity ids and shard ids: they are stored nowhere, but every node must compute the same ones forever.</summary>
public sealed class EntityIdTests
{
    [Fact]
    public void A_boards_entity_id_reads_back_as_its_key()
    {
        var day = new BoardKey("lab-2", new LocalDate(2026, 11, 26));
        Assert.Equal("lab-2/2026-11-26", day.EntityId);
        Assert.Equal(day, BoardKey.FromEntityId(day.EntityId));
        Assert.Equal("default", BoardKey.Default.EntityId);
        Assert.Equal(BoardKey.Default, BoardKey.FromEntityId("default"));
        Assert.Null(BoardKey.FromEntityId("lab"));
        Assert.Null(BoardKey.FromEntityId("lab/26-11-2026"));
        Assert.Null(BoardKey.FromEntityId("default/2026-11-26"));
    }

    [Fact]
    public void A_slots_entity_id_is_its_persistence_id_so_old_journals_recover()
    {
        Assert.Equal(SlotIdentity.OfDefault(9), SlotIdentity.FromEntityId("slot-9", _ => null));
        var dated = SlotIdentity.FromEntityId("slot-lab-2026-11-26-9", id => id == "lab" ? LabDay.Lab : null);
        Assert.Equal(SlotIdentity.OfDated(LabDay.Lab, LabDay.Thursday, 9), dated);
        Assert.Equal(new BoardKey("lab", LabDay.Thursday), dated!.Board);
        Assert.Equal(BoardKey.Default, SlotIdentity.OfDefault(9).Board);
        // A dated slot of a calendar that does not exist, and ids no slot has.
        Assert.Null(SlotIdentity.FromEntityId("slot-gym-2026-11-26-9", _ => null));
        Assert.Null(SlotIdentity.FromEntityId("board-default", _ => null));
    }

    [Fact]
    public void Shard_ids_are_a_stable_hash_of_the_entity_id_the_same_in_every_process()
    {
        var boards = EntityTypes.BoardExtractor(50);
        var slots = EntityTypes.SlotExtractor(50);

        // Pinned values: a process-randomised hash (string.GetHashCode) would put one entity in two shards on two nodes.
        Assert.Equal(PinnedBoardShard, boards.ShardId(BoardKey.Default.EntityId, new BoardEnvelope(BoardKey.Default, GetBoard.Instance)));
        Assert.Equal(PinnedSlotShard, slots.ShardId("slot-9", new SlotEnvelope("slot-9", ReportSlotState.Instance)));
        Assert.Equal("default", boards.EntityId(new BoardEnvelope(BoardKey.Default, GetBoard.Instance)));
        Assert.Same(GetBoard.Instance, boards.EntityMessage(new BoardEnvelope(BoardKey.Default, GetBoard.Instance)));
    }

    private const string PinnedBoardShard = "11";
    private const string PinnedSlotShard = "1";
}
