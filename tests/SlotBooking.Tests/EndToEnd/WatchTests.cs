using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.EndToEnd;

/// <summary>Watching boards: a connection hears the broadcasts of the boards it watches, and only those.</summary>
public sealed class WatchTests : HostTest
{
    protected override string[] HostArgs => [.. LabCalendar.Args(), "--SlotBooking:MaxWatchedBoards=2"];

    private static string InBerlin(int days) => LocalDatePattern.Iso.Format(
        SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Berlin"]).Date.PlusDays(days));

    private Uri Watching(string date) => new($"{Host.WebSocketAddress}?calendar=lab&date={date}");

    private static async Task BookAsync(SocketClient writer, int slot, string? date = null)
    {
        await writer.SendTextAsync(date is null
            ? $$"""{"type":"book_slot","slot_id":{{slot}}}"""
            : $$"""{"type":"book_slot","calendar":"lab","date":"{{date}}","slot_id":{{slot}}}""");
        Assert.True((await writer.ReceiveOfTypeAsync("booking_response")).GetProperty("success").GetBoolean());
    }

    private static IEnumerable<int> Booked(JsonElement update) =>
        update.GetProperty("data").GetProperty("booked_slots").EnumerateArray().Select(e => e.GetInt32());

    [Fact]
    public async Task Two_clients_watching_different_days_hear_only_their_own_day()
    {
        var (first, second) = (InBerlin(1), InBerlin(2));
        var (a, aInitial) = await SocketClient.ConnectAndReadInitialAsync(Watching(first));
        var (b, bInitial) = await SocketClient.ConnectAndReadInitialAsync(Watching(second));
        await using var _a = a;
        await using var _b = b;
        Assert.Equal(first, aInitial.GetProperty("date").GetString());
        Assert.Equal(second, bInitial.GetProperty("date").GetString());
        var writer = await ConnectAsync();

        await BookAsync(writer, 10, first);
        var heardByA = await a.ReceiveOfTypeAsync("slots_update");
        Assert.Equal(first, heardByA.GetProperty("date").GetString());
        Assert.Equal([10], Booked(heardByA));

        // Neither the first day's change nor a default-board change reaches b: its next frame is its own day's.
        await BookAsync(writer, 5);
        await BookAsync(writer, 11, second);
        var heardByB = await b.ReceiveAsync();
        Assert.Equal("slots_update", heardByB.GetProperty("type").GetString());
        Assert.Equal(second, heardByB.GetProperty("date").GetString());
        Assert.Equal([11], Booked(heardByB));
    }

    [Fact]
    public async Task Watch_answers_with_the_days_slots_and_unwatch_stops_its_broadcasts()
    {
        var day = InBerlin(3);
        var client = await ConnectAsync();
        var writer = await ConnectAsync();

        await client.SendTextAsync($$"""{"type":"watch","calendar":"lab","date":"{{day}}","request_id":"w"}""");
        var answer = await ReceiveAnswerAsync(client, "w");
        Assert.Equal(day, answer.GetProperty("date").GetString());
        Assert.Equal(12, answer.GetProperty("data").GetProperty("slots").GetArrayLength());

        await BookAsync(writer, 12, day);
        var heard = await client.ReceiveOfTypeAsync("slots_update");
        while (!heard.TryGetProperty("date", out _)) heard = await client.ReceiveOfTypeAsync("slots_update"); // skip default-board broadcasts
        Assert.Equal([12], Booked(heard));

        await client.SendTextAsync($$"""{"type":"unwatch","calendar":"lab","date":"{{day}}"}""");
        await client.SendTextAsync("""{"type":"get_slots","request_id":"after"}""");
        await ReceiveAnswerAsync(client, "after");
        await BookAsync(writer, 13, day);
        await BookAsync(writer, 6);
        // The next broadcast is the default board's (slot 6); the day's change (13) is not heard any more.
        var next = await client.ReceiveOfTypeAsync("slots_update");
        Assert.False(next.TryGetProperty("date", out _), next.GetRawText());
        Assert.Contains(6, Booked(next));
    }

    [Fact]
    public async Task Watching_more_boards_than_allowed_is_refused()
    {
        var client = await ConnectAsync(); // the default board is the first
        await client.SendTextAsync($$"""{"type":"watch","calendar":"lab","date":"{{InBerlin(1)}}","request_id":"one"}""");
        await ReceiveAnswerAsync(client, "one");
        await client.SendTextAsync($$"""{"type":"watch","calendar":"lab","date":"{{InBerlin(2)}}"}""");
        var error = await client.ReceiveOfTypeAsync("error");
        Assert.Equal("This connection already watches 2 boards, the most it may; unwatch one first", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("?calendar=gym&date=2026-11-26")]
    [InlineData("?calendar=lab")]
    [InlineData("?calendar=lab&date=2026-02-30")]
    [InlineData("?date=2026-11-26")]
    public async Task A_connection_to_a_board_that_does_not_exist_is_refused_before_the_upgrade(string query)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri($"{Host.WebSocketAddress}{query}"), CancellationToken.None));
        Assert.Equal(HttpStatusCode.BadRequest, socket.HttpStatusCode);
    }

    private static async Task<JsonElement> ReceiveAnswerAsync(SocketClient client, string requestId)
    {
        while (true)
        {
            var frame = await client.ReceiveAsync();
            if (frame.TryGetProperty("request_id", out var id) && id.GetString() == requestId) return frame;
        }
    }
}
