using NodaTime;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Calendars;
using SlotBooking.Protocol;

namespace SlotBooking.Actors.Sessions;

/// <summary>Where a request goes: the default calendar's board, one date of a dated calendar, or nowhere (with the reason).</summary>
public abstract record RequestTarget
{
    private RequestTarget() { }

    public sealed record DefaultBoard : RequestTarget
    {
        public static DefaultBoard Instance { get; } = new();
    }

    public sealed record Day(CalendarDefinition Calendar, LocalDate Date) : RequestTarget
    {
        public BoardKey Board => new(Calendar.Id, Date);
    }

    /// <summary>No such board; <see cref="UnknownCalendar"/> when the calendar itself does not exist (HTTP answers 404).</summary>
    public sealed record Refused(string Message) : RequestTarget
    {
        public bool UnknownCalendar { get; init; }
    }

    /// <summary>The board of a day, or the default board when there is none.</summary>
    public static BoardKey BoardOf(Day? day) => day?.Board ?? BoardKey.Default;

    /// <summary>
    /// No <c>calendar</c> (or <c>default</c>) is the default board, which takes no <c>date</c>; a dated calendar needs
    /// one. <paramref name="findCalendar"/> is the registry as it is now. A read (<c>get_slots</c>, <c>watch</c>) must
    /// name a date in <paramref name="readable"/> at <paramref name="now"/>; a command is judged by the booking window
    /// where it is routed (before any day is started), and an <c>unwatch</c> may name any date.
    /// </summary>
    public static RequestTarget Of(ClientRequest request, Func<string, CalendarDefinition?> findCalendar, ReadableDates readable, Instant now)
    {
        if (request.Calendar is null || request.Calendar == CalendarDefinition.DefaultId)
            return request.Date is null ? DefaultBoard.Instance : new Refused("Field 'date' is not allowed here: the default calendar is undated");
        if (findCalendar(request.Calendar) is not { Dated: true } calendar)
            return new Refused($"Unknown calendar: {(request.Calendar.Length <= 64 ? request.Calendar : request.Calendar[..64] + "…")}") { UnknownCalendar = true };
        if (request.Date is not { } date)
            return new Refused($"Field 'date' is required: calendar {calendar.Id} is dated (send \"date\":\"YYYY-MM-DD\")");
        var day = LocalDate.FromDateOnly(date);
        if (request is GetSlotsRequest or WatchRequest && readable.Check(calendar, day, now) is { } problem)
            return new Refused($"Field 'date': {problem}");
        return new Day(calendar, day);
    }
}
