using System.Text.Json.Serialization;

namespace SlotBooking.Protocol;

/// <summary>
/// Every server → client frame. System.Text.Json writes the <c>type</c> discriminator first, as the seed does.
/// <see cref="RequestId"/> echoes the client's <c>request_id</c> in the answer to that request; it is left out when
/// the request had none, and broadcasts never carry one. <see cref="Calendar"/> and <see cref="Date"/> likewise.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SlotsUpdateMessage), MessageTypes.SlotsUpdate)]
[JsonDerivedType(typeof(BookingResponse), MessageTypes.BookingResponse)]
[JsonDerivedType(typeof(CancellationResponse), MessageTypes.CancellationResponse)]
[JsonDerivedType(typeof(ErrorMessage), MessageTypes.Error)]
[JsonDerivedType(typeof(MyBookingsMessage), MessageTypes.MyBookings)]
public abstract record ServerMessage
{
    /// <summary>The calendar the request named, echoed in its answer; left out when it named none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonPropertyOrder(1)]
    public string? Calendar { get; init; }

    /// <summary>The date the request named, echoed in its answer as <c>YYYY-MM-DD</c>; left out when it named none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonPropertyOrder(2)]
    public DateOnly? Date { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonPropertyOrder(3)]
    public string? RequestId { get; init; }
}

/// <summary>The current state of every slot; sent on connect, on <c>get_slots</c> and after every change.</summary>
public sealed record SlotsUpdateMessage(SlotsData Data, DateTimeOffset Timestamp) : ServerMessage;

/// <summary>The answer to <c>book_slot</c>.</summary>
public sealed record BookingResponse(bool Success, string Message, int SlotId) : ServerMessage;

/// <summary>The answer to <c>cancel_slot</c>.</summary>
public sealed record CancellationResponse(bool Success, string Message, int SlotId) : ServerMessage;

/// <summary>A request that could not be understood; nothing was changed.</summary>
public sealed record ErrorMessage(string Message) : ServerMessage;

/// <summary>
/// A signed-in connection's own current and future bookings, every calendar together: sent when it connects and
/// after every change to them. Never carries <c>calendar</c>, <c>date</c> or <c>request_id</c> of its own.
/// </summary>
public sealed record MyBookingsMessage(IReadOnlyList<MyBooking> Bookings) : ServerMessage;
