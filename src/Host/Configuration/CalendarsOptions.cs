using SlotBooking.Actors.Calendars;

namespace SlotBooking.Host.Configuration;

/// <summary>
/// The configured calendars, bound from the <c>SlotBooking</c> section (only its <c>Calendars</c> list and
/// <c>DefaultCalendarAccess</c> are read here). The default calendar is not among them: it comes from
/// <see cref="SlotBookingOptions.FirstSlot"/>..<see cref="SlotBookingOptions.LastSlot"/>.
/// </summary>
public sealed class CalendarsOptions
{
    public const string Section = SlotBookingOptions.Section;

    // Empty by default: the binder appends configured items to whatever the list already holds.
    public List<CalendarOptions> Calendars { get; set; } = [];

    /// <summary><c>Open</c> (the default, as in the seed) or <c>SignedIn</c>: who may book the default calendar.</summary>
    public string? DefaultCalendarAccess { get; set; }

    public const string DefaultCalendarAccessKey = $"{Section}:{nameof(DefaultCalendarAccess)}";

    public IReadOnlyList<CalendarSpec> Specs() => Calendars.Select(c => c.ToSpec()).ToArray();
}
