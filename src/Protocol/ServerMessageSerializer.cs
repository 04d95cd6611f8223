using System.Text.Json;

namespace SlotBooking.Protocol;

/// <summary>Serialises server frames to the UTF-8 bytes that go on the socket.</summary>
public static class ServerMessageSerializer
{
    public static byte[] ToUtf8(ServerMessage message) => message switch
    {
        SlotsUpdateMessage m => JsonSerializer.SerializeToUtf8Bytes(m, ProtocolJsonContext.Default.SlotsUpdateMessage),
        BookingResponse m => JsonSerializer.SerializeToUtf8Bytes(m, ProtocolJsonContext.Default.BookingResponse),
        CancellationResponse m => JsonSerializer.SerializeToUtf8Bytes(m, ProtocolJsonContext.Default.CancellationResponse),
        ErrorMessage m => JsonSerializer.SerializeToUtf8Bytes(m, ProtocolJsonContext.Default.ErrorMessage),
        _ => throw new ArgumentOutOfRangeException(nameof(message), message.GetType().Name, "Not a known server message"),
    };
}
