using System.Text.Json;

namespace SlotBooking.Protocol;

/// <summary>Serialises server frames to the UTF-8 bytes that go on the socket.</summary>
public static class ServerMessageSerializer
{
    public static byte[] ToUtf8(ServerMessage message) =>
        JsonSerializer.SerializeToUtf8Bytes(message, ProtocolJsonContext.Default.ServerMessage);
}
