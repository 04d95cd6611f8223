using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Slots;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Actors;

/// <summary>
/// A dated slot whose calendar this node's registry does not hold (created through another node a moment ago): the
/// slots' region answers its commands at once, stores nothing, and keeps serving other slots.
/// </summary>
public sealed class UnknownCalendarSlotSpecs : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Commands_to_a_slot_of_a_calendar_this_node_does_not_know_are_refused_at_once_naming_it_and_nothing_is_stored()
    {
        using var system = ShardedSystem.Start(_database.Path, SlotActorSettings.Default);
        var kit = system.Kit;
        const string unknownSlot = "slot-gym-2026-12-05-10";

        // Twice: the first incarnation asked sharding to stop it, and the second message starts it again.
        for (var correlation = 1; correlation <= 2; correlation++)
        {
            system.Slots.Tell(new SlotEnvelope(unknownSlot, new BookSlot(10, CorrelationId: correlation)), kit.TestActor);
            var refused = kit.ExpectMsg<SlotReply>(TimeSpan.FromSeconds(10));
            Assert.Equal(correlation, refused.CorrelationId);
            Assert.Equal((SlotOutcome.UnknownSlot, "Unknown calendar: gym", 0L), (refused.Result.Outcome, refused.Result.Message, refused.StateVersion));
        }

        // The region still serves the slots it knows.
        system.Slots.Tell(new SlotEnvelope("slot-4", new BookSlot(4, CorrelationId: 3)), kit.TestActor);
        Assert.True(kit.ExpectMsg<SlotReply>(TimeSpan.FromSeconds(10)).Result.Success);
        Assert.Empty(JournalOf(unknownSlot));
    }

    private IReadOnlyList<string> JournalOf(string persistenceId)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_database.Path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT manifest FROM journal WHERE persistence_id = $id";
        command.Parameters.AddWithValue("$id", persistenceId);
        using var reader = command.ExecuteReader();
        var manifests = new List<string>();
        while (reader.Read()) manifests.Add(reader.GetString(0));
        return manifests;
    }
}
