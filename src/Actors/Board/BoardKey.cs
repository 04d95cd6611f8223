using NodaTime;
using NodaTime.Text;

namespace SlotBooking.Actors.Board;

/// <summary>Which board: the default calendar's (no date) or one date of a dated calendar.</summary>
public readonly record struct BoardKey(string Calendar, LocalDate? Date)
{
    public static BoardKey Default { get; } = new("default", null);

    public override string ToString() => Date is { } date ? $"{Calendar}/{LocalDatePattern.Iso.Format(date)}" : Calendar;
}
