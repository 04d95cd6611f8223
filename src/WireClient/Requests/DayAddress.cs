namespace SlotBooking.WireClient.Requests;

/// <summary>One date of a dated calendar, as a request names it: <c>"calendar":"lab","date":"2026-11-26"</c>.</summary>
public readonly record struct DayAddress(string Calendar, string Date);
