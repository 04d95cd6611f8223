using System.Net;
using System.Net.Http.Headers;
using System.Text;
using NodaTime;
using NodaTime.Text;
using SlotBooking.TestSupport;
using SlotBooking.Tests.EndToEnd;

namespace SlotBooking.Tests.Identity;

/// <summary>
/// A signed-in calendar over the socket: who may book and cancel; and an admin's change of access or retirement applies
/// at once to a day that is already running (its slots decide on the registry's current calendar).
/// </summary>
public sealed class CalendarAccessTests : HostTest
{
    private static readonly string Root = TestTokens.For("root@example.org", admin: true);

    protected override string[] HostArgs => [.. LabCalendar.Args(access: "SignedIn"), .. TestTokens.Args()];

    private static readonly string Tomorrow = LocalDatePattern.Iso.Format(
        SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Berlin"]).Date.PlusDays(1));

    private static string Command(string type, int slot, string? token = null) => token is null
        ? $$"""{"type":"{{type}}","calendar":"lab","date":"{{Tomorrow}}","slot_id":{{slot}}}"""
        : $$"""{"type":"{{type}}","calendar":"lab","date":"{{Tomorrow}}","slot_id":{{slot}},"token":"{{token}}"}""";

    private static async Task<(bool Success, string Message)> AnswerAsync(SocketClient client, string type)
    {
        var answer = await client.ReceiveOfTypeAsync(type);
        return (answer.GetProperty("success").GetBoolean(), answer.GetProperty("message").GetString()!);
    }

    [Fact]
    public async Task Booking_needs_a_token_and_only_the_owner_or_an_admin_cancels()
    {
        var anonymous = await ConnectAsync();
        await anonymous.SendTextAsync(Command("book_slot", 10));
        Assert.Equal((false, "Slot 10 can only be booked by a signed-in user: present a token"), await AnswerAsync(anonymous, "booking_response"));

        var alice = await ConnectAsync(TestTokens.For("alice@example.org"));
        await alice.SendTextAsync(Command("book_slot", 10));
        Assert.True((await AnswerAsync(alice, "booking_response")).Success);

        await anonymous.SendTextAsync(Command("cancel_slot", 10));
        Assert.Equal((false, "Slot 10 was not booked by you"), await AnswerAsync(anonymous, "cancellation_response"));
        await anonymous.SendTextAsync(Command("cancel_slot", 10, TestTokens.For("bob@example.org")));
        Assert.Equal((false, "Slot 10 was not booked by you"), await AnswerAsync(anonymous, "cancellation_response"));
        await anonymous.SendTextAsync(Command("cancel_slot", 10, Root));
        Assert.True((await AnswerAsync(anonymous, "cancellation_response")).Success);
    }

    [Fact]
    public async Task A_change_of_access_and_a_retirement_apply_at_once_to_a_running_day()
    {
        var anonymous = await ConnectAsync();
        await anonymous.SendTextAsync(Command("book_slot", 11));
        Assert.False((await AnswerAsync(anonymous, "booking_response")).Success);

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Put, "/calendars/lab", """{"access":"open"}""")).StatusCode);
        await anonymous.SendTextAsync(Command("book_slot", 11));
        Assert.True((await AnswerAsync(anonymous, "booking_response")).Success);

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, "/calendars/lab")).StatusCode);
        await anonymous.SendTextAsync(Command("book_slot", 12));
        Assert.Equal((false, "Calendar lab is retired and takes no new bookings"), await AnswerAsync(anonymous, "booking_response"));
        // Its history stays, and a booking can still be let go.
        await anonymous.SendTextAsync(Command("cancel_slot", 11));
        Assert.True((await AnswerAsync(anonymous, "cancellation_response")).Success);
    }

    [Fact]
    public async Task Over_http_a_dated_booking_names_its_day_and_a_wrong_day_or_calendar_is_refused_before_any_slot()
    {
        var alice = TestTokens.For("alice@example.org");
        using var booked = await PostAsync("/book-slot", $$"""{"slot_id":13,"calendar":"lab","date":"{{Tomorrow}}"}""", alice);
        Assert.Equal(HttpStatusCode.OK, booked.StatusCode);
        var body = System.Text.Json.JsonDocument.Parse(await booked.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("lab", Tomorrow, 13), (body.GetProperty("calendar").GetString(), body.GetProperty("date").GetString(), body.GetProperty("slot_id").GetInt32()));

        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync("/book-slot", $$"""{"slot_id":13,"calendar":"gym","date":"{{Tomorrow}}"}""", alice)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync("/book-slot", """{"slot_id":13,"calendar":"lab"}""", alice)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync("/book-slot", """{"slot_id":13,"calendar":"lab","date":"26-11-2026"}""", alice)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync("/book-slot", """{"calendar":"lab"}""", alice)).StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string json, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Host.Http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Root);
        return await Host.Http.SendAsync(request);
    }
}
