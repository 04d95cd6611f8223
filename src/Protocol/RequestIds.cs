namespace SlotBooking.Protocol;

/// <summary>The rules for a client's <c>request_id</c>: a string of 1-64 printable ASCII characters.</summary>
public static class RequestIds
{
    public const int MaxLength = 64;

    public const string Rule = "request_id must be a string of 1-64 printable ASCII characters";

    public static bool IsValid(ReadOnlySpan<char> value)
    {
        if (value.Length is 0 or > MaxLength) return false;
        foreach (var c in value)
            if (c is < ' ' or > '~') return false;
        return true;
    }
}
