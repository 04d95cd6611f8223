using System.Globalization;

namespace SlotBooking.Protocol;

/// <summary>The wire's dates: <c>YYYY-MM-DD</c> exactly, in the invariant culture (fields, query parameters, bodies).</summary>
public static class IsoDates
{
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
