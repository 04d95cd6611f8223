using System.Net;
using System.Net.Sockets;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.EndToEnd.Auth;

/// <summary>
/// Failed sign-ins are limited per client address, per account and address, and per account only for addresses that
/// failed against it; register and login per address in all. A second client address is a socket bound to 127.0.0.2
/// (the host listens on 127.0.0.1; Linux routes all of 127/8 to loopback).
/// </summary>
public sealed class SignInLimitTests : IDisposable
{
    private const string Password = "the right password";

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task The_sixth_wrong_password_in_a_minute_from_one_address_gets_429()
    {
        await using var host = await RunningHost.StartAsync(_database.Path);
        await host.Http.RegisterAsync("victim@example.org", Password);
        await host.Http.RegisterAsync("other@example.org", Password);

        for (var i = 1; i <= 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.LoginAsync("victim@example.org", $"guess number {i}")).StatusCode);

        var sixth = await host.Http.LoginAsync("victim@example.org", "guess number 6");
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.True(sixth.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
        Assert.Contains("Too many failed attempts", (await sixth.JsonAsync()).GetProperty("detail").GetString());
        // Refused before the password is checked: the right one is refused too, and so is another account from this address.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await host.Http.LoginAsync("victim@example.org", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await host.Http.LoginAsync("other@example.org", Password)).StatusCode);
    }

    [Fact]
    public async Task Failures_against_one_account_lock_that_account_only()
    {
        // Addresses are all 127.0.0.1 here: the per-address limit is set out of the way to see the per-account one.
        await using var host = await RunningHost.StartAsync(_database.Path, "--SlotBooking:Auth:FailuresPerAddress=100");
        await host.Http.RegisterAsync("victim@example.org", Password);
        await host.Http.RegisterAsync("other@example.org", Password);

        for (var i = 1; i <= 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.LoginAsync(i % 2 == 0 ? "VICTIM@example.org" : "victim@example.org", $"guess {i}")).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await host.Http.LoginAsync("victim@example.org", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.LoginAsync("other@example.org", Password)).StatusCode);
    }

    [Fact]
    public async Task Registering_taken_emails_counts_as_failures()
    {
        await using var host = await RunningHost.StartAsync(_database.Path, "--SlotBooking:Auth:FailuresPerAddress=3");
        await host.Http.RegisterAsync("taken@example.org", Password);

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Conflict, (await host.Http.RegisterAsync("taken@example.org", Password)).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await host.Http.RegisterAsync("new@example.org", Password)).StatusCode);
    }

    [Fact]
    public async Task Register_and_login_together_are_limited_per_address()
    {
        await using var host = await RunningHost.StartAsync(_database.Path, "--SlotBooking:Auth:RequestsPerMinute=3");

        Assert.Equal(HttpStatusCode.Created, (await host.Http.RegisterAsync("a@example.org", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.LoginAsync("a@example.org", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await host.Http.RegisterAsync("b@example.org", Password)).StatusCode);
        var limited = await host.Http.LoginAsync("b@example.org", Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        // It says when to come back, so a well-behaved client does not retry in a loop.
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
        // Other routes have their own limit.
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/slots")).StatusCode);
    }

    [Fact]
    public async Task A_strangers_wrong_passwords_from_another_address_do_not_lock_the_real_user_out()
    {
        await using var host = await RunningHost.StartAsync(_database.Path);
        await host.Http.RegisterAsync("victim@example.org", Password);
        using var stranger = ClientFrom(host, "127.0.0.2");

        for (var i = 1; i <= 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.LoginAsync("victim@example.org", $"guess number {i}")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await stranger.LoginAsync("victim@example.org", "guess number 6")).StatusCode);

        // The real user, from an address that has not failed, signs in.
        Assert.Equal(HttpStatusCode.OK, (await host.Http.LoginAsync("victim@example.org", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.LoginAsync("victim@example.org", Password)).StatusCode);
    }

    [Fact]
    public async Task A_taken_email_at_registration_counts_against_the_address_not_the_account()
    {
        // One failure spends the account's budget: were the 409s counted against it, the login below would be refused.
        await using var host = await RunningHost.StartAsync(_database.Path,
            "--SlotBooking:Auth:FailuresPerAccount=1", "--SlotBooking:Auth:FailuresPerAddress=3");
        await host.Http.RegisterAsync("taken@example.org", Password);
        using var other = ClientFrom(host, "127.0.0.2");

        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.Conflict, (await other.RegisterAsync("taken@example.org", Password)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await other.LoginAsync("taken@example.org", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await other.RegisterAsync("taken@example.org", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await other.LoginAsync("taken@example.org", Password)).StatusCode);
    }

    /// <summary>A client of <paramref name="host"/> whose connections come from <paramref name="localAddress"/>.</summary>
    private static HttpClient ClientFrom(RunningHost host, string localAddress) =>
        new(new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        })
        { BaseAddress = host.HttpAddress };
}
