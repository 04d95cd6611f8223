using System.Net.Sockets;
using System.Net.WebSockets;

namespace SlotBooking.WireClient.Connections;

/// <summary>
/// Opens WebSocket connections through one shared HTTP handler, so thousands of connections share its
/// settings instead of each building its own. Keep-alive pings are off: an idle connection stays silent,
/// which is what an idle-memory measurement and a latency measurement both want.
/// </summary>
public sealed class Connector : IDisposable
{
    private readonly Uri _address;
    private readonly HttpMessageInvoker _invoker;

    public Connector(Uri address)
    {
        _address = address;
        _invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(30),
            ConnectCallback = ConnectNoDelayAsync,
        });
    }

    /// <param name="bearerToken">Signs the connection in: sent as <c>Authorization: Bearer</c> at the upgrade. Null: anonymous.</param>
    public async Task<WireSocket> ConnectAsync(CancellationToken cancellationToken = default, string? bearerToken = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        if (bearerToken is not null) socket.Options.SetRequestHeader("Authorization", $"Bearer {bearerToken}");
        try
        {
            await socket.ConnectAsync(_address, _invoker, cancellationToken);
            return new WireSocket(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => _invoker.Dispose();

    // Small request frames must leave at once, not wait for Nagle's algorithm to gather them.
    private static async ValueTask<Stream> ConnectNoDelayAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
