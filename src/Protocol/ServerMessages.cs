using System.Text.Json.Serialization;

namespace SlotBooking.Protocol;

/// <summary>Every server → client frame carries a <c>type</c> discriminator, written first (order is not inherited, hence on each override).</summary>
public abstract record ServerMessage
{
    public abstract string Type { get; }
}

/// <summary>The current state of every slot; sent on connect, on <c>get_slots</c> and after every change.</summary>
public sealed record SlotsUpdateMessage(SlotsData Data, DateTimeOffset Timestamp) : ServerMessage
{
    [JsonPropertyOrder(-1)]
    public override string Type => MessageTypes.SlotsUpdate;
}

/// <summary>The answer to <c>book_slot</c>.</summary>
public sealed record BookingResponse(bool Success, string Message, int SlotId) : ServerMessage
{
    [JsonPropertyOrder(-1)]
    public override string Type => MessageTypes.BookingResponse;
}

/// <summary>The answer to <c>cancel_slot</c>.</summary>
public sealed record CancellationResponse(bool Success, string Message, int SlotId) : ServerMessage
{
    [JsonPropertyOrder(-1)]
    public override string Type => MessageTypes.CancellationResponse;
}

/// <summary>A request that could not be understood; nothing was changed.</summary>
public sealed record ErrorMessage(string Message) : ServerMessage
{
    [JsonPropertyOrder(-1)]
    public override string Type => MessageTypes.Error;
}
