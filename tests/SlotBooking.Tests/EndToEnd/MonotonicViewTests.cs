namespace SlotBooking.Tests.EndToEnd;

/// <summary>A client never sees a state older than one it has been told of: after an answer, no broadcast undoes it.</summary>
public sealed class MonotonicViewTests : HostTest
{
    protected override string[] HostArgs => ["--SlotBooking:MessagesPerSecond=100000", "--SlotBooking:MessageBurst=100000"];

    [Fact]
    public async Task After_each_answer_every_slots_update_shows_the_answered_state()
    {
        var client = await ConnectAsync();
        var watcher = await ConnectAsync(); // a second audience, so broadcasts are paced against real traffic
        var booked = false;

        for (var i = 0; i < 300; i++)
        {
            var next = !booked;
            await (next ? client.BookAsync(9) : client.CancelAsync(9));
            var answerType = next ? "booking_response" : "cancellation_response";
            while (true)
            {
                var message = await client.ReceiveAsync();
                var type = message.GetProperty("type").GetString();
                if (type == "slots_update")
                {
                    // Before the answer the broadcast may show either state; after it, only the answered one.
                    var shown = IsNineBooked(message);
                    Assert.True(shown == booked || shown == next, $"operation {i}: slots_update shows an impossible state");
                    continue;
                }
                Assert.Equal(answerType, type);
                Assert.True(message.GetProperty("success").GetBoolean(), message.GetRawText());
                booked = next;
                break;
            }

            // The next slots_update (a broadcast or the get_slots answer) must show the answered state; so must any
            // later one, which the next iteration's reads check.
            await client.GetSlotsAsync();
            var update = await client.ReceiveOfTypeAsync("slots_update");
            Assert.True(IsNineBooked(update) == booked, $"operation {i}: a slots_update after the answer shows slot 9 {(booked ? "free" : "booked")}");
        }
        await watcher.CloseAsync();
    }

    private static bool IsNineBooked(System.Text.Json.JsonElement update) =>
        update.GetProperty("data").GetProperty("booked_slots").EnumerateArray().Any(e => e.GetInt32() == 9);
}
