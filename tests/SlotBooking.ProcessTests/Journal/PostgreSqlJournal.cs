using System.Text;
using Npgsql;

namespace SlotBooking.ProcessTests.Journal;

/// <summary>
/// Reads the default calendar's slot events straight from the PostgreSQL journal table, bypassing the service, as
/// <see cref="JournalFile"/> does for a SQLite file: what the nodes committed is the ground truth their answers are
/// checked against. Other entities' rows (boards, accounts, the catalog, dated slots) are left out.
/// </summary>
public static class PostgreSqlJournal
{
    /// <summary>Every default slot's events in sequence order; a slot with no events has an empty list.</summary>
    public static async Task<IReadOnlyDictionary<int, IReadOnlyList<StoredEvent>>> ReadSlotsAsync(string connectionString)
    {
        var events = SlotIds.All.ToDictionary(id => id, _ => new List<StoredEvent>());
        // No pooled connection may outlive the read: the server is stopped and deleted at the end of the run.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // The plugin's default table mapping: table journal, a row per event, soft-deleted rows flagged.
        command.CommandText =
            "SELECT persistence_id, sequence_number, manifest, message FROM journal " +
            "WHERE persistence_id LIKE 'slot-%' AND NOT deleted ORDER BY persistence_id, sequence_number";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var persistenceId = reader.GetString(0);
            // Dated slots have longer ids (calendar and date); only the default board's slot-{hour} are counted here.
            if (!int.TryParse(persistenceId.AsSpan("slot-".Length), out var slotId)) continue;
            if (!events.TryGetValue(slotId, out var slotEvents))
                throw new InvalidDataException($"Unexpected persistence id '{persistenceId}' in the journal");
            var payload = Encoding.UTF8.GetString((byte[])reader.GetValue(3));
            slotEvents.Add(new StoredEvent(reader.GetInt64(1), reader.IsDBNull(2) ? "" : reader.GetString(2), payload));
        }
        return events.ToDictionary(e => e.Key, e => (IReadOnlyList<StoredEvent>)e.Value);
    }
}
