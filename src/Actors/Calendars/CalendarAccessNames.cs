namespace SlotBooking.Actors.Calendars;

/// <summary>
/// How <see cref="CalendarAccess"/> is written: <c>Open</c> and <c>SignedIn</c> in configuration, <c>open</c> and
/// <c>signed_in</c> on the wire and in stored events. Either spelling is read, in any case; numbers are not (an enum
/// parser would take "7").
/// </summary>
public static class CalendarAccessNames
{
    public const string Open = "open";
    public const string SignedIn = "signed_in";

    /// <summary>The wire's and the journal's name; stable, since stored events hold it.</summary>
    public static string Of(CalendarAccess access) => access switch
    {
        CalendarAccess.Open => Open,
        CalendarAccess.SignedIn => SignedIn,
        _ => throw new ArgumentOutOfRangeException(nameof(access), access, "Unknown calendar access"),
    };

    public static bool TryParse(string? text, out CalendarAccess access)
    {
        if (string.Equals(text, Open, StringComparison.OrdinalIgnoreCase))
        {
            access = CalendarAccess.Open;
            return true;
        }
        if (string.Equals(text, SignedIn, StringComparison.OrdinalIgnoreCase) || string.Equals(text, "SignedIn", StringComparison.OrdinalIgnoreCase))
        {
            access = CalendarAccess.SignedIn;
            return true;
        }
        access = default;
        return false;
    }

    /// <summary>For a stored value, which must be one of the two names.</summary>
    public static CalendarAccess Parse(string text) =>
        TryParse(text, out var access) ? access : throw new FormatException($"'{text}' is not a calendar access");
}
