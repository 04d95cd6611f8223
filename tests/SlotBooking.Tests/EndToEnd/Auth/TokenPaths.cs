using System.Net;
using System.Net.WebSockets;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.EndToEnd.Auth;

/// <summary>
/// Whether a token is accepted on each path a client can present it on: over HTTP (<c>GET /auth/me</c>), at the
/// WebSocket upgrade (<c>Authorization: Bearer</c>), and in a WebSocket message's <c>token</c> field. The message is a
/// cancel of slot 9, which nobody holds, so an accepted token changes nothing either.
/// </summary>
public static class TokenPaths
{
    private const string AuthenticationFailed = "Authentication failed. Invalid credentials.";

    public static async Task<bool> AcceptedOverHttpAsync(RunningHost host, string token)
    {
        var status = (await host.Http.MeAsync(token)).StatusCode;
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Unauthorized, $"GET /auth/me answered {status}");
        return status == HttpStatusCode.OK;
    }

    public static async Task<bool> AcceptedAtUpgradeAsync(RunningHost host, string token)
    {
        try
        {
            var (client, _) = await SocketClient.ConnectAndReadInitialAsync(host.WebSocketAddress, token);
            await client.DisposeAsync();
            return true;
        }
        catch (WebSocketException refused) when (refused.Message.Contains("401"))
        {
            return false;
        }
    }

    public static async Task<bool> AcceptedInMessageAsync(RunningHost host, string token)
    {
        var (client, _) = await SocketClient.ConnectAndReadInitialAsync(host.WebSocketAddress);
        await using var _client = client;
        return await AcceptedInMessageAsync(client, token);
    }

    /// <summary>On an open connection: a message carrying <paramref name="token"/>, judged by its answer.</summary>
    public static async Task<bool> AcceptedInMessageAsync(SocketClient client, string? token)
    {
        var tokenField = token is null ? "" : $$""","token":"{{token}}" """;
        await client.SendTextAsync($$"""{"type":"cancel_slot","slot_id":9{{tokenField}}}""");
        return (await client.ReceiveOfTypeAsync("cancellation_response")).GetProperty("message").GetString() != AuthenticationFailed;
    }

    /// <summary>The verdict on every path, e.g. "http=False upgrade=False message=False", so a failure shows which path disagreed.</summary>
    public static async Task<string> VerdictsAsync(RunningHost host, string token) =>
        $"http={await AcceptedOverHttpAsync(host, token)} upgrade={await AcceptedAtUpgradeAsync(host, token)} message={await AcceptedInMessageAsync(host, token)}";

    public const string AllAccepted = "http=True upgrade=True message=True";
    public const string AllRefused = "http=False upgrade=False message=False";
}
