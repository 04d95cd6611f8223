using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SlotBooking.TestSupport;
using SlotBooking.Tests.EndToEnd;
using SlotBooking.Tests.EndToEnd.Auth;

namespace SlotBooking.Tests.Identity;

/// <summary>
/// Built-in accounts and an identity provider's subjects are two namespaces: an owner is its issuer and subject
/// together. A provider's token whose <c>sub</c> is a built-in account's email (or a listed admin's) acts as nobody
/// but itself, and the reverse; on a real host, with real tokens, over HTTP.
/// </summary>
public sealed class OwnerNamespaceTests : HostTest
{
    private const string Alice = "alice@example.org";
    private const string AdminEmail = "admin@example.com";
    private const string ProviderBoss = "boss";

    protected override string[] HostArgs =>
    [
        .. TestTokens.Args(), .. TestTokens.Provider.Args(),
        $"--SlotBooking:Admins:0={AdminEmail}",
        $"--SlotBooking:Admins:1={TestTokens.Provider.Issuer} {ProviderBoss}",
    ];

    private const string Gym =
        """{"id":"gym","name":"Gym","time_zone":"Europe/Berlin","first_hour":6,"last_hour":22,"horizon_days":30,"access":"open"}""";

    [Fact]
    public async Task A_providers_subject_named_like_a_listed_admin_email_is_not_an_admin()
    {
        var impostor = TestTokens.Provider.For(AdminEmail);

        var who = await (await Host.Http.MeAsync(impostor)).JsonAsync();
        Assert.Equal(AdminEmail, who.GetProperty("subject").GetString());
        Assert.Equal(TestTokens.Provider.Issuer, who.GetProperty("issuer").GetString());
        Assert.False(who.GetProperty("is_admin").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post, "/calendars", Gym, impostor)).StatusCode);

        // The built-in account of that email is the listed admin, in any spelling of it.
        Assert.True((await (await Host.Http.MeAsync(TestTokens.For("Admin@Example.com"))).JsonAsync()).GetProperty("is_admin").GetBoolean());
    }

    [Fact]
    public async Task A_listed_provider_subject_is_an_admin_and_a_built_in_account_of_that_name_is_not()
    {
        Assert.True((await (await Host.Http.MeAsync(TestTokens.Provider.For(ProviderBoss))).JsonAsync()).GetProperty("is_admin").GetBoolean());
        Assert.False((await (await Host.Http.MeAsync(TestTokens.For(ProviderBoss))).JsonAsync()).GetProperty("is_admin").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post, "/calendars", Gym, TestTokens.For(ProviderBoss))).StatusCode);
    }

    [Fact]
    public async Task A_providers_subject_cannot_read_or_cancel_the_bookings_of_the_built_in_account_of_that_email()
    {
        var account = await Host.Http.SignUpAsync(Alice, "alice's own password");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, "/book-slot", """{"slot_id":10}""", account)).StatusCode);
        Assert.Equal(new[] { 10 }, await MyBookingsAsync(account));
        Assert.Equal(Alice, await BookedByAsync(10));

        var impostor = TestTokens.Provider.For(Alice);
        Assert.Empty(await MyBookingsAsync(impostor));
        using var cancel = await SendAsync(HttpMethod.Post, "/cancel-slot", """{"slot_id":10}""", impostor);
        Assert.Equal(HttpStatusCode.BadRequest, cancel.StatusCode);
        Assert.Contains("Slot 10 was not booked by you", await cancel.Content.ReadAsStringAsync());
        Assert.Equal(Alice, await BookedByAsync(10));
        Assert.Equal(new[] { 10 }, await MyBookingsAsync(account));
    }

    [Fact]
    public async Task A_built_in_account_cannot_read_or_cancel_the_bookings_of_the_provider_subject_of_its_email()
    {
        var providers = TestTokens.Provider.For(Alice);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, "/book-slot", """{"slot_id":11}""", providers)).StatusCode);
        Assert.Equal(new[] { 11 }, await MyBookingsAsync(providers));
        // Shown to admins as the provider's owner: its issuer, a space, its subject.
        Assert.Equal($"{TestTokens.Provider.Issuer} {Alice}", await BookedByAsync(11));

        var account = await Host.Http.SignUpAsync(Alice, "alice's own password");
        Assert.Empty(await MyBookingsAsync(account));
        using var cancel = await SendAsync(HttpMethod.Post, "/cancel-slot", """{"slot_id":11}""", account);
        Assert.Equal(HttpStatusCode.BadRequest, cancel.StatusCode);
        Assert.Equal($"{TestTokens.Provider.Issuer} {Alice}", await BookedByAsync(11));

        // Its own token still cancels it.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, "/cancel-slot", """{"slot_id":11}""", providers)).StatusCode);
    }

    private async Task<int[]> MyBookingsAsync(string token)
    {
        using var response = await SendAsync(HttpMethod.Get, "/my-bookings", null, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("bookings").EnumerateArray().Select(b => b.GetProperty("slot_id").GetInt32()).ToArray();
    }

    private async Task<string?> BookedByAsync(int slot)
    {
        using var response = await SendAsync(HttpMethod.Get, "/calendars/default/bookings", null, TestTokens.For(AdminEmail));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("bookings").EnumerateArray().Single(b => b.GetProperty("slot_id").GetInt32() == slot).GetProperty("booked_by").GetString();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json, string? token)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Host.Http.SendAsync(request);
    }
}
