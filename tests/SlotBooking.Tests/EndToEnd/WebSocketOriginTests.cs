using System.Net;
using System.Net.WebSockets;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.EndToEnd;

/// <summary>Upgrades as browsers send them, with the page's <c>Origin</c>; the answer's status code, 101 when accepted.</summary>
internal static class OriginUpgrade
{
    public static async Task<HttpStatusCode> StatusAsync(RunningHost host, string? origin)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (origin is not null) socket.Options.SetRequestHeader("Origin", origin);
        try
        {
            await socket.ConnectAsync(host.WebSocketAddress, CancellationToken.None);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // Refused: the status code tells why.
        }
        return socket.HttpStatusCode;
    }
}

/// <summary>
/// With origins configured, a browser page of another origin cannot open a WebSocket (cross-site WebSocket hijacking);
/// clients without an Origin (not browsers) and the server's own page can.
/// </summary>
public sealed class WebSocketOriginTests : HostTest
{
    protected override string[] HostArgs => ["--SlotBooking:CorsOrigins:0=https://booking.example"];

    [Fact]
    public async Task Another_origin_gets_403()
    {
        Assert.Equal(HttpStatusCode.Forbidden, await OriginUpgrade.StatusAsync(Host, "https://elsewhere.example"));
        Assert.Equal(HttpStatusCode.Forbidden, await OriginUpgrade.StatusAsync(Host, "null"));
    }

    [Fact]
    public async Task A_configured_origin_no_origin_and_the_servers_own_page_are_accepted()
    {
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await OriginUpgrade.StatusAsync(Host, "https://booking.example"));
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await OriginUpgrade.StatusAsync(Host, "HTTPS://Booking.Example"));
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await OriginUpgrade.StatusAsync(Host, null));
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await OriginUpgrade.StatusAsync(Host, $"http://{Host.HttpAddress.Authority}"));
    }
}

/// <summary>With no origins configured, every origin may connect, as before.</summary>
public sealed class WebSocketAnyOriginTests : HostTest
{
    [Fact]
    public async Task Any_origin_is_accepted()
    {
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await OriginUpgrade.StatusAsync(Host, "https://elsewhere.example"));
    }
}
