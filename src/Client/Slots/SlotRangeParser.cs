using System.Globalization;
using SlotBooking.Protocol;

namespace SlotBooking.Client.Slots;

/// <summary>Reads <c>--slots</c>: <c>a-b</c> (inclusive) or a single id <c>a</c>.</summary>
public static class SlotRangeParser
{
    public static bool TryParse(string? text, out SlotRange? range, out string? error)
    {
        range = null;
        error = null;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            error = "a slot range is empty; expected a-b (e.g. 3-14) or a single slot id";
            return false;
        }

        var dash = trimmed.IndexOf('-');
        var firstText = dash < 0 ? trimmed : trimmed[..dash];
        var lastText = dash < 0 ? trimmed : trimmed[(dash + 1)..];
        if (!TryParseId(firstText, out var first) || !TryParseId(lastText, out var last))
        {
            error = $"'{trimmed}' is not a slot range; expected a-b with non-negative integers (e.g. 3-14)";
            return false;
        }
        if (first > last)
        {
            error = $"'{trimmed}' is empty: {first} is after {last}";
            return false;
        }
        if (last > 23)
        {
            error = $"'{trimmed}' goes past 23: slot ids are the hours of a day, 0-23";
            return false;
        }
        range = new SlotRange(first, last);
        return true;
    }

    public static SlotRange Parse(string text) =>
        TryParse(text, out var range, out var error) ? range! : throw new FormatException(error);

    private static bool TryParseId(string text, out int id) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out id);
}
