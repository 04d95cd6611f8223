namespace SlotBooking.Actors.Calendars;

/// <summary>One problem in the calendar configuration, naming the key to fix, e.g. <c>SlotBooking:Calendars:0:TimeZone</c>.</summary>
public sealed record CalendarConfigError(string Key, string Problem)
{
    public override string ToString() => $"{Key}: {Problem}";
}
