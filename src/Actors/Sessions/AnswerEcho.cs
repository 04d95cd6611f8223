using SlotBooking.Protocol;

namespace SlotBooking.Actors.Sessions;

/// <summary>What an answer repeats of its request: the client's <c>request_id</c>, <c>calendar</c> and <c>date</c>, each when sent.</summary>
public sealed record AnswerEcho(string? RequestId, string? Calendar, DateOnly? Date)
{
    public static AnswerEcho None { get; } = new(null, null, null);

    public static AnswerEcho Of(ClientRequest request) =>
        request is { RequestId: null, Calendar: null, Date: null } ? None : new(request.RequestId, request.Calendar, request.Date);

    /// <summary>The answer with the echoed fields set; the same instance when there is nothing to echo.</summary>
    public ServerMessage On(ServerMessage answer) =>
        this == None ? answer : answer with { RequestId = RequestId, Calendar = Calendar, Date = Date };
}
