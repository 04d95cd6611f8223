using System.Text;
using Microsoft.Data.Sqlite;

namespace SlotBooking.ProcessTests.Journal;

/// <summary>
/// Reads the slot events straight from the SQLite file, read-only, bypassing the service: what a crash left on
/// disk is the ground truth the service's answers are checked against.
/// </summary>
public static class JournalFile
{
    /// <summary>Every slot's events in sequence order; a slot with no events has an empty list.</summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<StoredEvent>> ReadSlots(string databasePath)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            // No pooled handle may outlive the read: the temp file is deleted at the end of the test.
            Pooling = false,
        }.ToString();

        var events = SlotIds.All.ToDictionary(id => id, _ => new List<StoredEvent>());
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT persistence_id, sequence_number, manifest, message FROM journal WHERE persistence_id LIKE 'slot-%' ORDER BY persistence_id, sequence_number";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var persistenceId = reader.GetString(0);
            if (!persistenceId.StartsWith("slot-", StringComparison.Ordinal)
                || !int.TryParse(persistenceId.AsSpan("slot-".Length), out var slotId)
                || !events.TryGetValue(slotId, out var slotEvents))
            {
                throw new InvalidDataException($"Unexpected persistence id '{persistenceId}' in the journal");
            }
            var payload = Encoding.UTF8.GetString((byte[])reader.GetValue(3));
            slotEvents.Add(new StoredEvent(reader.GetInt64(1), reader.IsDBNull(2) ? "" : reader.GetString(2), payload));
        }
        return events.ToDictionary(e => e.Key, e => (IReadOnlyList<StoredEvent>)e.Value);
    }

    public static IReadOnlyDictionary<int, IReadOnlyList<StoredEvent>> Empty { get; } =
        SlotIds.All.ToDictionary(id => id, _ => (IReadOnlyList<StoredEvent>)[]);
}
