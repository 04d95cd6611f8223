using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using SlotBooking.Host.Configuration;

namespace SlotBooking.Host.Persistence;

/// <summary>The all-events query the owners' projection reads the journal through, for each storage provider.</summary>
public static class OwnerReadJournal
{
    /// <summary>
    /// On SQLite, <see cref="PromptAllEvents"/>: the one writer commits orderings in order, so a read may end at the newest
    /// stored ordering without waiting for the plugin's poll. On PostgreSQL a lower ordering may still commit after a
    /// higher one, so the plugin's own query, which waits for gaps to fill (hocon/persistence.postgresql.conf).
    /// </summary>
    public static Func<ActorSystem, ICurrentAllEventsQuery> For(StorageProvider provider) => provider switch
    {
        StorageProvider.PostgreSql => system => PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier),
        _ => PromptAllEvents.Of,
    };
}
