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

    /// <summary>
    /// The board's sharded entity id: <c>default</c>, or <c>{calendar}/{YYYY-MM-DD}</c>. Stable across versions and nodes
    /// (its hash is the board's shard); calendar ids are <c>a-z0-9-</c>, so the '/' is unambiguous.
    /// </summary>
    public string EntityId => ToString();

    public override string ToString() => Date is { } date ? $"{Calendar}/{LocalDatePattern.Iso.Format(date)}" : Calendar;

    /// <summary>The key an <see cref="EntityId"/> names; null for anything else.</summary>
    public static BoardKey? FromEntityId(string entityId)
    {
        var slash = entityId.IndexOf('/');
        if (slash < 0) return entityId == CalendarDefinition.DefaultId ? Default : null;
        var date = LocalDatePattern.Iso.Parse(entityId[(slash + 1)..]);
        var calendar = entityId[..slash];
        return date.Success && calendar.Length > 0 && calendar != CalendarDefinition.DefaultId ? new BoardKey(calendar, date.Value) : null;
    }
}
