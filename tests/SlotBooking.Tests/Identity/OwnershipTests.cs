using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SlotBooking.TestSupport;
using SlotBooking.Tests.EndToEnd;

namespace SlotBooking.Tests.Identity;

/// <summary>
/// Who may cancel whose booking on the seed's open default calendar, over the WebSocket and over HTTP, with real tokens
/// on a real host; after every refused attempt the stored state is unchanged.
/// </summary>
public sealed class OwnershipTests : HostTest
{
    private const string Alice = "alice@example.org";
    private const string Bob = "bob@example.org";

    protected override string[] HostArgs => [.. TestTokens.Args()];

    private static string Cancel(int slot, string? token = null) =>
        token is null ? $$"""{"type":"cancel_slot","slot_id":{{slot}}}""" : $$"""{"type":"cancel_slot","slot_id":{{slot}},"token":"{{token}}"}""";

    private async Task<JsonElement> BookedByAsync(int slot)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/calendars/default/bookings");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("root@example.org", admin: true));
        using var response = await Host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("bookings").EnumerateArray().SingleOrDefault(b => b.GetProperty("slot_id").GetInt32() == slot);
    }

    private async Task AssertStillAlicesAsync(int slot)
    {
        var booking = await BookedByAsync(slot);
        Assert.Equal(JsonValueKind.Object, booking.ValueKind);
        Assert.Equal(Alice, booking.GetProperty("booked_by").GetString());
    }

    [Fact]
    public async Task Bob_and_an_anonymous_client_cannot_cancel_alices_booking_over_the_socket_and_an_admin_can()
    {
        var alice = await ConnectAsync(TestTokens.For(Alice));
        await alice.BookAsync(9);
        Assert.True((await alice.ReceiveOfTypeAsync("booking_response")).GetProperty("success").GetBoolean());
        await AssertStillAlicesAsync(9);

        var bob = await ConnectAsync(TestTokens.For(Bob));
        await bob.CancelAsync(9);
        var refused = await bob.ReceiveOfTypeAsync("cancellation_response");
        Assert.False(refused.GetProperty("success").GetBoolean());
        Assert.Equal("Slot 9 was not booked by you", refused.GetProperty("message").GetString());
        await AssertStillAlicesAsync(9);

        var anonymous = await ConnectAsync();
        await anonymous.CancelAsync(9);
        Assert.Equal("Slot 9 was not booked by you", (await anonymous.ReceiveOfTypeAsync("cancellation_response")).GetProperty("message").GetString());
        await AssertStillAlicesAsync(9);

        // Bob's token in the message, the later seed version's way, is still Bob.
        await anonymous.SendTextAsync(Cancel(9, TestTokens.For(Bob)));
        Assert.Equal("Slot 9 was not booked by you", (await anonymous.ReceiveOfTypeAsync("cancellation_response")).GetProperty("message").GetString());
        await AssertStillAlicesAsync(9);

        await anonymous.SendTextAsync(Cancel(9, TestTokens.For("root@example.org", admin: true)));
        var byAdmin = await anonymous.ReceiveOfTypeAsync("cancellation_response");
        Assert.True(byAdmin.GetProperty("success").GetBoolean(), byAdmin.GetRawText());
        Assert.Equal(JsonValueKind.Undefined, (await BookedByAsync(9)).ValueKind);
    }

    [Fact]
    public async Task A_token_in_the_message_books_as_its_subject_on_an_anonymous_connection()
    {
        var client = await ConnectAsync();
        await client.SendTextAsync($$"""{"type":"book_slot","slot_id":5,"token":"{{TestTokens.For(Alice)}}"}""");
        Assert.True((await client.ReceiveOfTypeAsync("booking_response")).GetProperty("success").GetBoolean());
        await AssertStillAlicesAsync(5);

        // Her own token cancels it; the connection's anonymity does not.
        await client.CancelAsync(5);
        Assert.False((await client.ReceiveOfTypeAsync("cancellation_response")).GetProperty("success").GetBoolean());
        await client.SendTextAsync(Cancel(5, TestTokens.For(Alice)));
        Assert.True((await client.ReceiveOfTypeAsync("cancellation_response")).GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task Anonymous_bookings_stay_anyones_to_cancel_as_in_the_seed()
    {
        var booker = await ConnectAsync();
        await booker.BookAsync(7);
        Assert.True((await booker.ReceiveOfTypeAsync("booking_response")).GetProperty("success").GetBoolean());
        Assert.Equal(JsonValueKind.Null, (await BookedByAsync(7)).GetProperty("booked_by").ValueKind);

        var other = await ConnectAsync(TestTokens.For(Bob));
        await other.CancelAsync(7);
        Assert.True((await other.ReceiveOfTypeAsync("cancellation_response")).GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task Over_http_bob_cannot_cancel_alices_booking_and_an_admin_can()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("/book-slot", """{"slot_id":10}""", TestTokens.For(Alice))).StatusCode);
        await AssertStillAlicesAsync(10);

        using var byBob = await PostAsync("/cancel-slot", """{"slot_id":10}""", TestTokens.For(Bob));
        Assert.Equal(HttpStatusCode.BadRequest, byBob.StatusCode);
        Assert.Contains("Slot 10 was not booked by you", await byBob.Content.ReadAsStringAsync());
        await AssertStillAlicesAsync(10);

        using var anonymous = await PostAsync("/cancel-slot", """{"slot_id":10}""", token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await AssertStillAlicesAsync(10);

        using var byAdmin = await PostAsync("/cancel-slot", """{"slot_id":10}""", TestTokens.For("root@example.org", admin: true));
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        var body = await byAdmin.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Slot 10 booking cancelled successfully", body.GetProperty("message").GetString());
        Assert.Equal(10, body.GetProperty("slot_id").GetInt32());
        Assert.Equal(JsonValueKind.Undefined, (await BookedByAsync(10)).ValueKind);
    }

    [Fact]
    public async Task The_admin_list_of_owners_is_refused_to_anyone_else_and_broadcasts_carry_no_owner()
    {
        var alice = await ConnectAsync(TestTokens.For(Alice));
        var watcher = await ConnectAsync();
        await alice.BookAsync(11);
        await alice.ReceiveOfTypeAsync("booking_response");
        var broadcast = await watcher.ReceiveOfTypeAsync("slots_update");
        Assert.DoesNotContain(Alice, broadcast.GetRawText());

        using var asBob = new HttpRequestMessage(HttpMethod.Get, "/calendars/default/bookings");
        asBob.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(Bob));
        Assert.Equal(HttpStatusCode.Forbidden, (await Host.Http.SendAsync(asBob)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.Http.GetAsync("/calendars/default/bookings")).StatusCode);
        Assert.DoesNotContain(Alice, await Host.Http.GetStringAsync("/slots"));
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string json, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Host.Http.SendAsync(request);
    }
}
