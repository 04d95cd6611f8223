using System.Net;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.EndToEnd.Auth;

/// <summary>Failed sign-ins are limited per client address and per account; register and login per address in all.</summary>
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
        Assert.Equal(HttpStatusCode.TooManyRequests, (await host.Http.LoginAsync("b@example.org", Password)).StatusCode);
        // Other routes have their own limit.
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/slots")).StatusCode);
    }
}
