namespace SlotBooking.Tests.EndToEnd;

public sealed class BroadcastTests : HostTest
{
    [Fact]
    public async Task Two_clients_see_each_others_bookings_and_cancellations()
    {
        var alice = await ConnectAsync();
        var bob = await ConnectAsync();

        await alice.BookAsync(10);
        Assert.True((await alice.ReceiveOfTypeAsync("booking_response")).GetProperty("success").GetBoolean());
        var seenByBob = await bob.ReceiveOfTypeAsync("slots_update");
        Assert.Contains(10, BookedIds(seenByBob));

        await bob.CancelAsync(10);
        Assert.True((await bob.ReceiveOfTypeAsync("cancellation_response")).GetProperty("success").GetBoolean());
        var seenByAlice = await ReceiveUpdateWhereAsync(alice, u => !BookedIds(u).Contains(10));
        Assert.Contains(10, seenByAlice.GetProperty("data").GetProperty("available_slots").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task A_refused_command_broadcasts_nothing()
    {
        var actor = await ConnectAsync();
        var watcher = await ConnectAsync();

        await actor.CancelAsync(12);
        Assert.False((await actor.ReceiveOfTypeAsync("cancellation_response")).GetProperty("success").GetBoolean());
        await actor.BookAsync(13);
        await actor.ReceiveOfTypeAsync("booking_response");

        // The first update the watcher sees is the booking of 13: the refused cancel produced none.
        var first = await watcher.ReceiveOfTypeAsync("slots_update");
        Assert.Equal([13], BookedIds(first));
    }

    private static int[] BookedIds(System.Text.Json.JsonElement update) =>
        update.GetProperty("data").GetProperty("booked_slots").EnumerateArray().Select(e => e.GetInt32()).ToArray();

    private static async Task<System.Text.Json.JsonElement> ReceiveUpdateWhereAsync(
        TestSupport.SocketClient client, Func<System.Text.Json.JsonElement, bool> predicate)
    {
        while (true)
        {
            var update = await client.ReceiveOfTypeAsync("slots_update");
            if (predicate(update)) return update;
        }
    }
}
