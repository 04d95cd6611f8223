using Akka.Actor;
using Akka.Persistence.Query;

namespace SlotBooking.Actors.Board;

/// <summary>How the board router bounds the days it keeps alive.</summary>
/// <param name="MaxLiveDays">The most day boards alive at once; starting one more first stops the least recently used one (through its own stop message, after its writes in flight).</param>
/// <param name="PersistenceIds">
/// The journal's persistence ids, read once at start to learn which days were ever touched: a read of any other day is
/// answered from the calendar's definition without starting an actor. Null: no index, so every read starts its day.
/// </param>
public sealed record BoardRouterSettings(int MaxLiveDays, Func<ActorSystem, ICurrentPersistenceIdsQuery>? PersistenceIds)
{
    public const int DefaultMaxLiveDays = 1_000;

    /// <summary>The cap by default and no index: every read starts its day, as a router without a read journal must.</summary>
    public static BoardRouterSettings Default { get; } = new(DefaultMaxLiveDays, null);

    /// <summary>A failed read of the index is tried again after this long (reads start their days meanwhile).</summary>
    public TimeSpan IndexRetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The read journal configured at <paramref name="pluginId"/>, e.g. <c>akka.persistence.query.journal.sql</c>.</summary>
    public static Func<ActorSystem, ICurrentPersistenceIdsQuery> ReadJournalAt(string pluginId) =>
        system => PersistenceQuery.Get(system).ReadJournalFor<ICurrentPersistenceIdsQuery>(pluginId);
}
