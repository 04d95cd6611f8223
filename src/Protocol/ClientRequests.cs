namespace SlotBooking.Protocol;

/// <summary>
/// What a client frame turned out to be once parsed: a request, or the reason it was refused.
/// <see cref="RequestId"/> is the client's optional <c>request_id</c>, echoed in the answer (null when not sent).
/// </summary>
public abstract record ClientRequest(string? RequestId)
{
    /// <summary>The <c>calendar</c> the request names (not yet checked to exist); null for the default calendar.</summary>
    public string? Calendar { get; init; }

    /// <summary>The <c>date</c> the request names; null when none (the default calendar is undated).</summary>
    public DateOnly? Date { get; init; }

    /// <summary>
    /// The <c>token</c> the request carries (the later seed version sends one in book_slot and cancel_slot), not yet
    /// validated; null when none. It stands for the connection's own identity on this request only.
    /// </summary>
    public string? Token { get; init; }

    /// <summary>Prints every member but the token: a request may be logged, a credential never.</summary>
    protected virtual bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("RequestId = ").Append(RequestId)
            .Append(", Calendar = ").Append(Calendar)
            .Append(", Date = ").Append(Date)
            .Append(", Token = ").Append(Token is null ? "null" : "(hidden)");
        return true;
    }
}

/// <summary><c>{"type":"book_slot","slot_id":9}</c></summary>
public sealed record BookSlotRequest(int SlotId, string? RequestId = null) : ClientRequest(RequestId);

/// <summary><c>{"type":"cancel_slot","slot_id":9}</c></summary>
public sealed record CancelSlotRequest(int SlotId, string? RequestId = null) : ClientRequest(RequestId);

/// <summary><c>{"type":"get_slots"}</c></summary>
public sealed record GetSlotsRequest(string? RequestId = null) : ClientRequest(RequestId)
{
    /// <summary>The request without a <c>request_id</c>: one shared instance.</summary>
    public static GetSlotsRequest Instance { get; } = new();
}

/// <summary><c>{"type":"watch","calendar":"lab","date":"2026-11-26"}</c>: also send me that board's broadcasts.</summary>
public sealed record WatchRequest(string? RequestId = null) : ClientRequest(RequestId);

/// <summary><c>{"type":"unwatch",...}</c>: stop sending me that board's broadcasts.</summary>
public sealed record UnwatchRequest(string? RequestId = null) : ClientRequest(RequestId);

/// <summary>
/// A frame that is not a valid request; <see cref="Message"/> says why, for the client. <see cref="ClientRequest.RequestId"/>
/// is set when the frame carried a valid <c>request_id</c>, so that the error answers that request.
/// </summary>
public sealed record InvalidRequest(string Message, string? RequestId = null) : ClientRequest(RequestId);
