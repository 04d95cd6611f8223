using SlotBooking.Protocol;

namespace SlotBooking.Actors.Sessions;

/// <summary>
/// Which boards a request may address while the engine serves only the default calendar (the seed's undated board):
/// <c>"calendar":"default"</c> or none, and no <c>date</c>. Anything else is refused with the message the client sees.
/// </summary>
public static class DefaultCalendarOnly
{
    public const string Id = "default";

    /// <summary>Null when the request addresses the default calendar; else why it cannot be served.</summary>
    public static string? Refusal(ClientRequest request)
    {
        if (request.Calendar is { } calendar && calendar != Id)
            return $"Unknown calendar: {(calendar.Length <= 64 ? calendar : calendar[..64] + "…")}";
        if (request.Date is not null)
            return "Field 'date' is not allowed here: the default calendar is undated";
        return null;
    }
}
