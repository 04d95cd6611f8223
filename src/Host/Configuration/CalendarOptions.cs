using SlotBooking.Actors.Calendars;

namespace SlotBooking.Host.Configuration;

/// <summary>
/// One item of <c>SlotBooking:Calendars</c> as bound. Every value is nullable so that "not given" reaches
/// <see cref="CalendarValidator"/> as such; it applies the defaults and names the key of each problem.
/// </summary>
public sealed class CalendarOptions
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? TimeZone { get; set; }
    public int? FirstHour { get; set; }
    public int? LastHour { get; set; }
    public int? HorizonDays { get; set; }
    public int? MinNoticeMinutes { get; set; }

    /// <summary><c>Open</c> or <c>SignedIn</c> (the default); text, so that the validator names the key of a bad value.</summary>
    public string? Access { get; set; }

    public CalendarSpec ToSpec() => new(Id, Name, TimeZone, FirstHour, LastHour, HorizonDays, MinNoticeMinutes, Access);
}
