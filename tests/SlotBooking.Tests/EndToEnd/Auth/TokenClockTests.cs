using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.EndToEnd.Auth;

/// <summary>A token's lifetime is judged on the service's injected clock, over HTTP and in a WebSocket message alike.</summary>
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
}
