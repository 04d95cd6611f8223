using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace SlotBooking.Tests.Hostile;

/// <summary>
/// A WebSocket client that completes the handshake and then never reads again, with a tiny receive buffer so
/// that the server's sends to it soon block, as with a real client that has hung.
/// </summary>
public sealed class StalledReader : IDisposable
{
    private readonly TcpClient _tcp;

    private StalledReader(TcpClient tcp) => _tcp = tcp;

    public static async Task<StalledReader> ConnectAsync(Uri webSocketAddress)
    {
        var tcp = new TcpClient { ReceiveBufferSize = 1024 };
        await tcp.ConnectAsync(webSocketAddress.Host, webSocketAddress.Port);
        var stream = tcp.GetStream();
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var request = $"GET {webSocketAddress.AbsolutePath} HTTP/1.1\r\nHost: {webSocketAddress.Authority}\r\nUpgrade: websocket\r\n" +
                      $"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));

        // Read the 101 response headers byte by byte, so that nothing after them is consumed.
        var headers = new StringBuilder();
        var one = new byte[1];
        while (!headers.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one) == 0) throw new IOException("closed during handshake");
            headers.Append((char)one[0]);
        }
        if (!headers.ToString().StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
            throw new IOException($"upgrade refused: {headers}");
        return new StalledReader(tcp);
    }

    public void Dispose() => _tcp.Dispose();
}
