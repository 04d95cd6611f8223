using NodaTime;
using NodaTime.Text;
using SlotBooking.Actors.Calendars;

namespace SlotBooking.Actors.Board;

/// <summary>Which board: the default calendar's (undated: no date) or one date of a dated calendar.</summary>
public readonly record struct BoardKey(string Calendar, LocalDate? Date)
{
    public static BoardKey Default { get; } = new(CalendarDefinition.DefaultId, null);

    /// <summary>The default calendar's undated board, which lives as long as the service.</summary>
    public bool IsDefault => Date is null;

    public override string ToString() => Date is { } date ? $"{Calendar}/{LocalDatePattern.Iso.Format(date)}" : Calendar;
}
