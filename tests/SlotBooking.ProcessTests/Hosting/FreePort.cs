using System.Net;
using System.Net.Sockets;

namespace SlotBooking.ProcessTests.Hosting;

public static class FreePort
{
    /// <summary>
    /// A loopback port the OS just handed out and we released. Another process may take it before the host binds
    /// it; <see cref="HostProcess.StartAsync"/> retries on a new port when the host exits at start-up.
    /// </summary>
    public static int Pick()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }
}
