using System.Net;
using System.Net.Sockets;

namespace SlotBooking.Tests.Cluster;

/// <summary>Remoting ports for nodes whose addresses must be known before they start (seed nodes).</summary>
public static class LoopbackPort
{
    /// <summary>A loopback port the OS just handed out and we released; another process could still take it first.</summary>
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }
}
