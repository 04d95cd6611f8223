using NodaTime;

namespace SlotBooking.Actors.Calendars;

/// <summary>
/// A bookable resource: its hours <see cref="FirstHour"/>..<see cref="LastHour"/> are local wall-clock hours in
/// <see cref="TimeZone"/>; slot n runs n:00 to n+1:00. Build configured ones through <see cref="CalendarValidator"/>,
/// which checks every field; this record trusts its arguments.
/// </summary>
public sealed record CalendarDefinition(
    string Id,
    string Name,
    DateTimeZone TimeZone,
    int FirstHour,
    int LastHour,
    int HorizonDays,
    int MinNoticeMinutes)
{
    /// <summary>Who may book and cancel; configured calendars default to <see cref="CalendarAccess.SignedIn"/>.</summary>
    public CalendarAccess Access { get; init; } = CalendarAccess.SignedIn;

    /// <summary>A retired calendar refuses new bookings and keeps its history (its days can still be read and cancelled).</summary>
    public bool Retired { get; init; }

    public const string DefaultId = "default";
    public const int DefaultHorizonDays = 14;

    /// <summary>Ten years: the furthest a calendar may take bookings.</summary>
    public const int MaxHorizonDays = 3_660;
    public const int DefaultMinNoticeMinutes = 0;

    /// <summary>The seed's board: addressed by every message without a calendar.</summary>
    public bool IsDefault => Id == DefaultId;

    /// <summary>
    /// Derived from the id rather than stored, so that no definition can be an undated calendar that is not the
    /// default one, or a dated default: the wire, keys and journals rely on the two going together.
    /// </summary>
    public bool Dated => !IsDefault;

    public string TimeZoneId => TimeZone.Id;

    /// <summary>Today's date in the calendar's own zone at <paramref name="now"/>; never the server's zone.</summary>
    public LocalDate Today(Instant now) => now.InZone(TimeZone).Date;

    public bool HasHour(int hour) => hour >= FirstHour && hour <= LastHour;

    /// <summary>
    /// The default calendar over the seed's slot range. Undated bookings last until cancelled, so the horizon,
    /// notice and zone never apply to it; UTC is what <c>GET /calendars</c> shows for it.
    /// </summary>
    public static CalendarDefinition Default(int firstHour, int lastHour, string name = "Default", CalendarAccess access = CalendarAccess.Open) =>
        new(DefaultId, name, DateTimeZone.Utc, firstHour, lastHour, DefaultHorizonDays, DefaultMinNoticeMinutes) { Access = access };
}
