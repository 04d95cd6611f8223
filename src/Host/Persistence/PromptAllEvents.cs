using Akka;
using Akka.Actor;
using Akka.DependencyInjection;
using Akka.Event;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Persistence.Sql.Query.InternalProtocol;
using Akka.Streams.Dsl;
using Microsoft.Data.Sqlite;

namespace SlotBooking.Host.Persistence;

/// <summary>
/// The SQL plugin's all-events query up to what is stored now, without waiting for the poll of its journal-sequence actor.
/// <para>
/// The plugin's query reads the journal's newest ordering, then reads events only as far as that actor has seen, in
/// refresh-interval steps, until it gets there. The actor polls every query-delay (a minute, so that it costs nothing at
/// rest), and holds back below a gap in the ordering for max-tries polls, taking it for a write not yet committed. So a
/// write just before a read made the read wait for the next poll; and journals of earlier versions have a gap for every
/// storage-probe event they deleted, which made every start of the owners' projection wait max-tries x query-delay
/// (20 s at the old 2 s; <c>my_bookings</c> waits for that read).
/// </para>
/// <para>
/// Here the newest ordering is read from the file first, the actor is told it (<see cref="AssumeMaxOrderingId"/>, which
/// the actor sends itself after max-tries x query-delay), and the read ends at the newest stored event. On SQLite that
/// is exact: one writer assigns orderings in commit order, so nothing at or below the newest committed ordering can be
/// committed later, and a gap is only ever a deleted row. Events stored after the read began are left to the next read,
/// as with the plugin's own query.
/// </para>
/// <para>
/// SQLite only (<see cref="OwnerReadJournal"/>): on PostgreSQL orderings are taken at insert and may commit out of order,
/// so a read ending at the newest ordering could pass over a write still to commit below it.
/// </para>
/// </summary>
/// <param name="journal">The SQL plugin's read journal (a spec may put a step in front of its query).</param>
public sealed class PromptAllEvents(ActorSystem system, ICurrentAllEventsQuery journal, SqliteDatabase database) : ICurrentAllEventsQuery
{
    /// <summary>
    /// Where the plugin (1.5.73) starts the actor: a system actor named by the read journal's plugin id, the journal
    /// table (the default mapping's "journal") and a fixed suffix.
    /// </summary>
    public static readonly string SequenceActorPath = $"/system/{SqlReadJournal.Identifier}-journal-akka-persistence-sql-sequence-actor";

    /// <summary>
    /// For <c>OwnerBookingsSettings.ReadJournal</c>: the SQL plugin's read journal of the system (started on first use),
    /// made prompt. The file is the host's, from the services Akka.Hosting gives the system.
    /// </summary>
    public static ICurrentAllEventsQuery Of(ActorSystem system) =>
        new PromptAllEvents(
            system,
            PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier),
            DependencyResolver.For(system).Resolver.GetService<SqliteDatabase>()
                ?? throw new InvalidOperationException("The actor system's services have no SqliteDatabase"));

    public Source<EventEnvelope, NotUsed> CurrentAllEvents(Offset offset)
    {
        var from = offset is Sequence { Value: var value } ? value : 0;
        // Read when the stream runs, not when it is described.
        return Source.Single(NotUsed.Instance)
            .SelectAsync(1, _ => ReachNewestAsync())
            .ConcatMany(newestStored => newestStored <= from
                ? Source.Empty<EventEnvelope>()
                : journal.CurrentAllEvents(offset).TakeWhile(e => e.Offset is Sequence { Value: var ordering } && ordering < newestStored, inclusive: true));
    }

    /// <summary>Tells the journal-sequence actor the newest ordering, and returns the newest one a read can see (not a deleted row).</summary>
    private async Task<long> ReachNewestAsync()
    {
        var (newest, newestStored) = ReadNewest();
        try
        {
            var sequenceActor = await system.ActorSelection(SequenceActorPath).ResolveOne(TimeSpan.FromSeconds(5));
            sequenceActor.Tell(new AssumeMaxOrderingId(newest));
        }
        catch (ActorNotFoundException)
        {
            // Still right, only slower: the read waits for the actor's own polls.
            system.Log.Warning("The read journal's journal-sequence actor is not at {0}; journal reads wait for its polls", SequenceActorPath);
        }
        return newestStored;
    }

    private (long Newest, long NewestStored) ReadNewest()
    {
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        // As the journal's own connections: the same file, the same pragmas.
        database.OnConnectionOpened(connection);
        using var command = connection.CreateCommand();
        // One statement, one snapshot. Both walk the ordering (the rowid) down from its end.
        command.CommandText =
            "SELECT (SELECT MAX(ordering) FROM journal), (SELECT ordering FROM journal WHERE deleted = 0 ORDER BY ordering DESC LIMIT 1)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.IsDBNull(0) ? 0 : reader.GetInt64(0), reader.IsDBNull(1) ? 0 : reader.GetInt64(1));
    }
}
