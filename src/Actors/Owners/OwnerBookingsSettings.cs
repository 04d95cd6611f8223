using Akka.Actor;
using Akka.Persistence.Query;
using SlotBooking.Actors.Calendars;

namespace SlotBooking.Actors.Owners;

/// <summary>How the owners' read models read the journal, and when they stop or retry.</summary>
/// <param name="ReadJournal">The read journal of the system, resolved at each read: its all-events query rebuilds every owner's bookings at start and catches up every <see cref="CatchUpInterval"/>. The host gives the SQL plugin's: on SQLite through <c>PromptAllEvents</c>, which reads up to what is stored without waiting for the plugin's poll; on PostgreSQL as it is.</param>
/// <param name="IdleTimeout">An owner's read model with no watching connection and no traffic for this long stops; it is rebuilt on the next request.</param>
/// <param name="Clock">Decides which bookings are past.</param>
/// <param name="FindCalendar">The calendar with an id as the registry has it now, for slot times in the calendar's zone; null when there is none.</param>
public sealed record OwnerBookingsSettings(
    Func<ActorSystem, ICurrentAllEventsQuery> ReadJournal,
    TimeSpan IdleTimeout,
    TimeProvider Clock,
    Func<string, CalendarDefinition?> FindCalendar)
{
    /// <summary>A journal read that has not completed in this long is failed (and retried).</summary>
    public TimeSpan QueryTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The wait before the first retry of a failed read; it doubles with each failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often the owners' projection reads what the journal has gained and saves a snapshot, bounding what a start
    /// reads (changes heard live are known at once whatever this is).
    /// </summary>
    public TimeSpan CatchUpInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The shortest time between two <c>my_bookings</c> pushes to an owner's connections: a change goes out at once if
    /// none did within it, else the newest bookings go out when it ends (as broadcasts are paced). Zero pushes every change.
    /// </summary>
    public TimeSpan PushInterval { get; init; } = TimeSpan.FromMilliseconds(100);
}
