using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.EndToEnd.Auth;

/// <summary>
/// A token's lifetime is judged on the service's injected clock, over HTTP and in a WebSocket message alike, with the
/// same 30 seconds of clock skew on every path; and a connection stops hearing its owner's bookings when its token expires.
/// </summary>
public sealed class TokenClockTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_token_expires_when_the_hosts_clock_passes_its_expiry_not_the_machines()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await RunningHost.StartAsync(_database.Path, services => services.AddSingleton<TimeProvider>(clock), TestTokens.Args());
        var token = TestTokens.For("alice@example.org", now: clock.GetUtcNow(), expires: clock.GetUtcNow().AddHours(1));
        Assert.Equal(HttpStatusCode.OK, (await host.Http.MeAsync(token)).StatusCode);

        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.MeAsync(token)).StatusCode);
        var (client, _) = await SocketClient.ConnectAndReadInitialAsync(host.WebSocketAddress);
        await using var _client = client;
        await client.SendTextAsync($$"""{"type":"book_slot","slot_id":9,"token":"{{token}}"}""");
        Assert.Equal("Authentication failed. Invalid credentials.", (await client.ReceiveOfTypeAsync("booking_response")).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Every_path_allows_the_same_30_seconds_of_skew_after_expiry()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await RunningHost.StartAsync(_database.Path, services => services.AddSingleton<TimeProvider>(clock), TestTokens.Args());
        var expires = clock.GetUtcNow().AddMinutes(5);
        var token = TestTokens.For("alice@example.org", now: clock.GetUtcNow(), expires: expires);
        var (signedIn, _) = await SocketClient.ConnectAndReadInitialAsync(host.WebSocketAddress, token);
        await using var _signedIn = signedIn;

        // The token's exp is in whole seconds, at or before `expires`: 10 s after is within the skew, 31 s after is not.
        clock.SetUtcNow(expires.AddSeconds(10));
        Assert.Equal(TokenPaths.AllAccepted, await TokenPaths.VerdictsAsync(host, token));
        Assert.True(await TokenPaths.AcceptedInMessageAsync(signedIn, token: null), "the connection's own identity, 10 s after exp");

        clock.SetUtcNow(expires.AddSeconds(31));
        Assert.Equal(TokenPaths.AllRefused, await TokenPaths.VerdictsAsync(host, token));
        Assert.False(await TokenPaths.AcceptedInMessageAsync(signedIn, token: null), "the connection's own identity, 31 s after exp");
    }

    [Fact]
    public async Task A_connection_hears_no_more_of_its_bookings_once_its_token_expired()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await RunningHost.StartAsync(_database.Path, services => services.AddSingleton<TimeProvider>(clock), TestTokens.Args());
        var expires = clock.GetUtcNow().AddMinutes(5);
        // The first slots_update and my_bookings come in either order: each is looked for by its type.
        await using var expiring = await SocketClient.ConnectAsync(
            host.WebSocketAddress, bearerToken: TestTokens.For("alice@example.org", now: clock.GetUtcNow(), expires: expires));
        await using var other = await SocketClient.ConnectAsync(
            host.WebSocketAddress, bearerToken: TestTokens.For("alice@example.org", now: clock.GetUtcNow(), expires: clock.GetUtcNow().AddHours(2)));
        Assert.Empty(BookedIn(await expiring.ReceiveOfTypeAsync("my_bookings")));
        Assert.Empty(BookedIn(await other.ReceiveOfTypeAsync("my_bookings")));

        // Before expiry, a change made on the other connection reaches this one.
        await other.BookAsync(7);
        Assert.True((await other.ReceiveOfTypeAsync("booking_response")).GetProperty("success").GetBoolean());
        Assert.Equal(new[] { 7 }, BookedIn(await expiring.ReceiveOfTypeAsync("my_bookings")));

        clock.SetUtcNow(expires.AddSeconds(31));
        // The expiry was told to the session as the clock moved, before this request: once answered, it has been handled.
        await SyncAsync(expiring, "expired");
        await other.BookAsync(8);
        Assert.True((await other.ReceiveOfTypeAsync("booking_response")).GetProperty("success").GetBoolean());
        // Pushed to the other connection; a push to this one would have been offered at the same moment, so before the
        // answer to a request made after it.
        Assert.Equal(new[] { 7, 8 }, BookedIn(await other.ReceiveOfTypeAsync("my_bookings")));
        var frames = await SyncAsync(expiring, "after");
        Assert.DoesNotContain("my_bookings", frames.Select(f => f.GetProperty("type").GetString()));
        // The board is still read and shown: only the owner's pushes stopped.
        Assert.Contains(8, frames[^1].GetProperty("data").GetProperty("booked_slots").EnumerateArray().Select(s => s.GetInt32()));
    }

    private static int[] BookedIn(JsonElement myBookings) =>
        [.. myBookings.GetProperty("bookings").EnumerateArray().Select(b => b.GetProperty("slot_id").GetInt32()).Order()];

    /// <summary>Asks for the slots and reads every frame up to and including the answer.</summary>
    private static async Task<List<JsonElement>> SyncAsync(SocketClient client, string requestId)
    {
        await client.GetSlotsAsync(requestId);
        var frames = new List<JsonElement>();
        while (true)
        {
            var frame = await client.ReceiveAsync();
            frames.Add(frame);
            if (frame.TryGetProperty("request_id", out var id) && id.GetString() == requestId) return frames;
        }
    }
}
