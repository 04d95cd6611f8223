using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

using SlotBooking.TestSupport;

namespace SlotBooking.Tests.EndToEnd;

/// <summary>Booking a configured, dated calendar over a real socket: dates relative to today in the calendar's zone.</summary>
public class DatedBookingTests : HostTest
{
    protected override string[] HostArgs => [.. LabCalendar.Args(), "--SlotBooking:Calendars:0:HorizonDays=14"];

    private static string InBerlin(int daysFromToday)
    {
        var today = SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Berlin"]).Date;
        return LocalDatePattern.Iso.Format(today.PlusDays(daysFromToday));
    }

    private static string Book(int slot, string date) => $$"""{"type":"book_slot","calendar":"lab","date":"{{date}}","slot_id":{{slot}}}""";

    [Fact]
    public async Task A_dated_slot_is_booked_once_read_back_with_its_times_and_leaves_the_default_board_alone()
    {
        var client = await ConnectAsync();
        var tomorrow = InBerlin(1);

        await client.SendTextAsync(Book(12, tomorrow));
        var booked = await client.ReceiveOfTypeAsync("booking_response");
        Assert.True(booked.GetProperty("success").GetBoolean(), booked.GetRawText());
        Assert.Equal("lab", booked.GetProperty("calendar").GetString());
        Assert.Equal(tomorrow, booked.GetProperty("date").GetString());

        await client.SendTextAsync(Book(12, tomorrow));
        Assert.Equal("Slot 12 is already booked", (await client.ReceiveOfTypeAsync("booking_response")).GetProperty("message").GetString());

        await client.SendTextAsync($$"""{"type":"get_slots","calendar":"lab","date":"{{tomorrow}}","request_id":"day"}""");
        var day = await ReceiveAnswerAsync(client);
        Assert.Equal("lab", day.GetProperty("calendar").GetString());
        Assert.Equal(tomorrow, day.GetProperty("date").GetString());
        var slots = day.GetProperty("data").GetProperty("slots").EnumerateArray().ToList();
        Assert.Equal(12, slots.Count);
        var twelve = slots.Single(s => s.GetProperty("id").GetInt32() == 12);
        Assert.True(twelve.GetProperty("is_booked").GetBoolean());
        var startsAt = DateTimeOffset.Parse(twelve.GetProperty("starts_at").GetString()!);
        Assert.Equal(TimeSpan.FromHours(1), DateTimeOffset.Parse(twelve.GetProperty("ends_at").GetString()!) - startsAt);
        Assert.Equal([12], day.GetProperty("data").GetProperty("booked_slots").EnumerateArray().Select(e => e.GetInt32()));

        var defaultBoard = await Host.Http.GetFromJsonAsync<JsonElement>("/slots");
        Assert.Empty(defaultBoard.GetProperty("booked_slots").EnumerateArray());
    }

    [Fact]
    public async Task Past_days_and_days_beyond_the_horizon_are_refused_with_a_message_that_says_which()
    {
        var client = await ConnectAsync();
        var yesterday = InBerlin(-1);
        var beyond = InBerlin(15);

        await client.SendTextAsync(Book(12, yesterday));
        var past = await client.ReceiveOfTypeAsync("booking_response");
        Assert.False(past.GetProperty("success").GetBoolean());
        Assert.Equal($"Slot 12 on {yesterday} is in the past", past.GetProperty("message").GetString());

        await client.SendTextAsync(Book(12, beyond));
        Assert.Equal($"Slot 12 on {beyond} is beyond the booking horizon of 14 days",
            (await client.ReceiveOfTypeAsync("booking_response")).GetProperty("message").GetString());

        await client.SendTextAsync("""{"type":"book_slot","calendar":"lab","slot_id":12}""");
        Assert.StartsWith("Field 'date' is required", (await client.ReceiveOfTypeAsync("error")).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Thirty_clients_racing_for_one_dated_slot_have_one_winner_and_it_survives_a_restart()
    {
        var date = InBerlin(2);
        var clients = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => ConnectAsync()));
        await Task.WhenAll(clients.Select(c => c.SendTextAsync(Book(15, date))));
        var answers = await Task.WhenAll(clients.Select(c => c.ReceiveOfTypeAsync("booking_response")));
        Assert.Single(answers, a => a.GetProperty("success").GetBoolean());
        Assert.Equal(29, answers.Count(a => a.GetProperty("message").GetString() == "Slot 15 is already booked"));

        await RestartHostAsync();
        var client = await ConnectAsync();
        await client.SendTextAsync(Book(15, date));
        Assert.Equal("Slot 15 is already booked", (await client.ReceiveOfTypeAsync("booking_response")).GetProperty("message").GetString());
    }

    /// <summary>The get_slots answer, not a broadcast of the default board (which carries no request_id).</summary>
    private static async Task<JsonElement> ReceiveAnswerAsync(TestSupport.SocketClient client)
    {
        while (true)
        {
            var update = await client.ReceiveOfTypeAsync("slots_update");
            if (update.TryGetProperty("request_id", out _)) return update;
        }
    }
}
