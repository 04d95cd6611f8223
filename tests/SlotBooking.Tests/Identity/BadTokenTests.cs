using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text.Json;
using SlotBooking.TestSupport;
using SlotBooking.Tests.EndToEnd;

namespace SlotBooking.Tests.Identity;

/// <summary>
/// Every kind of bad token (another key, expired, another audience, unsigned, a tampered payload) is refused on every
/// path: over HTTP, at the WebSocket upgrade, and in a message; a good one is accepted on each, so the test can fail.
/// </summary>
public sealed class BadTokenTests : HostTest
{
    protected override string[] HostArgs => [.. TestTokens.Args()];

    public static TheoryData<string, string> BadTokens() => new()
    {
        { "another signing key", TestTokens.For("mallory", key: "some-other-key-that-is-also-long-enough!!") },
        { "expired", TestTokens.For("mallory", expires: DateTimeOffset.UtcNow.AddMinutes(-10), now: DateTimeOffset.UtcNow.AddHours(-1)) },
        { "another audience", TestTokens.For("mallory", audience: "someone-else") },
        { "alg none", TestTokens.Unsigned("mallory", admin: true) },
        { "tampered payload", TestTokens.Tampered("mallory", "root@example.org") },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Is_refused_over_http_at_upgrade_and_in_a_message_and_changes_nothing(string kind, string token)
    {
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/book-slot") { Content = new StringContent("""{"slot_id":9}""") })
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            Assert.True(HttpStatusCode.Unauthorized == (await Host.Http.SendAsync(request)).StatusCode, kind);
        }

        var upgrade = await Assert.ThrowsAsync<WebSocketException>(() => SocketClient.ConnectAsync(Host.WebSocketAddress, bearerToken: token));
        Assert.Contains("401", upgrade.Message);
        var viaQuery = new Uri($"{Host.WebSocketAddress}?access_token={Uri.EscapeDataString(token)}");
        Assert.Contains("401", (await Assert.ThrowsAsync<WebSocketException>(() => SocketClient.ConnectAsync(viaQuery))).Message);

        var client = await ConnectAsync();
        await client.SendTextAsync($$"""{"type":"book_slot","slot_id":9,"token":"{{token}}"}""");
        var answer = await client.ReceiveOfTypeAsync("booking_response");
        Assert.False(answer.GetProperty("success").GetBoolean(), kind);
        Assert.Equal("Authentication failed. Invalid credentials.", answer.GetProperty("message").GetString());
        Assert.Equal(9, answer.GetProperty("slot_id").GetInt32());

        var slots = JsonDocument.Parse(await Host.Http.GetStringAsync("/slots")).RootElement;
        Assert.Empty(slots.GetProperty("booked_slots").EnumerateArray());
    }

    [Fact]
    public async Task A_good_token_is_accepted_on_each_path()
    {
        var token = TestTokens.For("alice@example.org");
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/book-slot") { Content = new StringContent("""{"slot_id":9}""") })
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            Assert.Equal(HttpStatusCode.OK, (await Host.Http.SendAsync(request)).StatusCode);
        }
        var viaHeader = await ConnectAsync(token);
        await viaHeader.CancelAsync(9);
        Assert.True((await viaHeader.ReceiveOfTypeAsync("cancellation_response")).GetProperty("success").GetBoolean());

        var viaQuery = await SocketClient.ConnectAsync(new Uri($"{Host.WebSocketAddress}?access_token={Uri.EscapeDataString(token)}"));
        await using (viaQuery)
        {
            await viaQuery.BookAsync(9);
            Assert.True((await viaQuery.ReceiveOfTypeAsync("booking_response")).GetProperty("success").GetBoolean());
        }
        var inMessage = await ConnectAsync();
        await inMessage.SendTextAsync($$"""{"type":"cancel_slot","slot_id":9,"token":"{{token}}"}""");
        Assert.True((await inMessage.ReceiveOfTypeAsync("cancellation_response")).GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task A_token_field_that_is_not_a_string_is_an_error_and_changes_nothing()
    {
        var client = await ConnectAsync();
        await client.SendTextAsync("""{"type":"book_slot","slot_id":9,"token":42}""");
        var error = await client.ReceiveOfTypeAsync("error");
        Assert.Equal("Field 'token' must be a string (a bearer token), got a number", error.GetProperty("message").GetString());
        Assert.Empty(JsonDocument.Parse(await Host.Http.GetStringAsync("/slots")).RootElement.GetProperty("booked_slots").EnumerateArray());
    }
}
