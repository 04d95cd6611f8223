using NodaTime;
using NodaTime.Text;

namespace SlotBooking.Actors.Calendars;

/// <summary>The texts clients read when a dated slot is refused by its calendar's booking window.</summary>
public static class CalendarMessages
{
    // Same words as the default calendar's unknown slot, so a client sees one wording for one problem.
    public static string NoSuchHour(int hour, CalendarDefinition calendar) =>
        $"Slot {hour} does not exist; valid slots are {calendar.FirstHour}-{calendar.LastHour}";

    public static string SkippedHour(int hour, LocalDate date) =>
        $"Slot {hour} does not exist on {Format(date)} (the clocks go forward)";

    public static string Past(int hour, LocalDate date) => $"Slot {hour} on {Format(date)} is in the past";

    public static string BeyondHorizon(int hour, LocalDate date, int horizonDays) =>
        $"Slot {hour} on {Format(date)} is beyond the booking horizon of {Count(horizonDays, "day")}";

    public static string InsideNotice(int hour, LocalDate date, int minNoticeMinutes) =>
        $"Slot {hour} on {Format(date)} starts in less than {Count(minNoticeMinutes, "minute")} (the minimum notice)";

    public static string Started(int hour, LocalDate date) =>
        $"Slot {hour} on {Format(date)} has started and can no longer be cancelled";

    public static string Retired(CalendarDefinition calendar) =>
        $"Calendar {calendar.Id} is retired and takes no new bookings";

    /// <summary>YYYY-MM-DD, as the wire's <c>date</c> field.</summary>
    public static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static string Count(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
