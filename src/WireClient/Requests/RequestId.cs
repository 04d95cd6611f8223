namespace SlotBooking.WireClient.Requests;

/// <summary>
/// The optional <c>request_id</c> a client may put on any request, for the server to echo in its answer:
/// 1-64 printable ASCII characters (space to tilde), so it needs no escaping rules of its own.
/// </summary>
public static class RequestId
{
    public const int MaxLength = 64;

    public static bool IsValid(string? requestId) =>
        requestId is { Length: > 0 and <= MaxLength } && requestId.All(c => c is >= ' ' and <= '~');

    /// <summary>Refuses an id the server would refuse, here rather than as an error frame later.</summary>
    public static void ThrowIfInvalid(string requestId)
    {
        if (!IsValid(requestId))
            throw new ArgumentException($"A request_id must be 1-{MaxLength} printable ASCII characters: '{requestId}'", nameof(requestId));
    }
}
