using Npgsql;
using SlotBooking.Host.Persistence;

namespace SlotBooking.Host.Auth;

/// <summary>
/// On PostgreSQL, a generated key is kept in the database, in a table of one row beside the journal's: the server has no
/// data folder of its own there, and every process on the database (the <c>accounts</c> command, and later the nodes of
/// a cluster) signs with the one key. Whoever can read the database can read the key, as they can read the accounts.
/// </summary>
public sealed class PostgreSqlSigningKey(PostgreSqlDatabase database) : IGeneratedSigningKey
{
    public const string Table = "slotbooking_signing_key";

    public byte[] LoadOrCreate(byte[] generated)
    {
        using var connection = new NpgsqlConnection(database.ConnectionString);
        connection.Open();
        try
        {
            return Exchange(connection, generated);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
        {
            // Two processes created the table at once; it is there now.
            return Exchange(connection, generated);
        }
    }

    /// <summary>The first key inserted wins; everyone reads that one.</summary>
    private static byte[] Exchange(NpgsqlConnection connection, byte[] generated)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            $"CREATE TABLE IF NOT EXISTS {Table} (id smallint PRIMARY KEY CHECK (id = 1), key text NOT NULL);" +
            $"INSERT INTO {Table} (id, key) VALUES (1, @key) ON CONFLICT (id) DO NOTHING;" +
            $"SELECT key FROM {Table} WHERE id = 1;";
        command.Parameters.AddWithValue("key", Convert.ToBase64String(generated));
        var stored = command.ExecuteScalar() as string ?? "";
        return IGeneratedSigningKey.Decode(stored, $"the table {Table}");
    }
}
