using SlotBooking.ProcessTests.Checks;

namespace SlotBooking.ProcessTests.Cluster;

/// <summary>Bookings through one node reach watchers on the others, and one slot has one winner across nodes.</summary>
[Collection(ThreeNodeCollection.Name)]
public sealed class ClusterBookingTests(ClusterFixture cluster, ITestOutputHelper log) : IAsyncLifetime
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(20);
    // Broadcasts are paced and cross nodes by pub-sub: seconds at most on a busy machine.
    private static readonly TimeSpan ConvergeTimeout = TimeSpan.FromSeconds(15);

    public Task InitializeAsync() => cluster.EnsureAllUpAsync();

    [Fact]
    public async Task A_booking_through_A_is_seen_by_watchers_on_B_and_C()
    {
        const int slot = 7;
        await using var booker = await BoardWatcher.ConnectAsync(cluster.A);
        await booker.MakeFreeAsync(slot);
        await using var onB = await BoardWatcher.ConnectAsync(cluster.B);
        await using var onC = await BoardWatcher.ConnectAsync(cluster.C);
        // A watcher that connects just after the cancel may first be shown the earlier booking (the board hears of the
        // cancel from its slot, on another node, a moment after the canceller's answer): wait until both show it free.
        await WaitUntilFreeAsync([onB, onC], slot);

        await booker.Client.BookAsync(slot);
        var answer = await booker.AnswerAsync("booking_response", AnswerTimeout);
        Assert.True(answer.GetProperty("success").GetBoolean(), $"the booking through a was refused: {answer}");

        foreach (var watcher in new[] { onB, onC })
        {
            Assert.True(await watcher.WaitForBoardAsync(b => b.Single(s => s.Id == slot).IsBooked, ConvergeTimeout),
                $"the watcher on {watcher.Node.Name} still shows slot {slot} {BoardWatcher.Describe(watcher.Board.SingleOrDefault(s => s.Id == slot))} " +
                $"{ConvergeTimeout.TotalSeconds:F0} s after the booking through a");
        }
        var overHttp = await SlotBoard.ReadOverHttpAsync(cluster.A.Host.Http);
        Assert.Equal(overHttp.Single(s => s.Id == slot), onB.Board.Single(s => s.Id == slot));
        Assert.Equal(overHttp.Single(s => s.Id == slot), onC.Board.Single(s => s.Id == slot));
    }

    [Fact]
    public async Task Thirty_clients_on_three_nodes_race_for_one_slot_one_wins_and_every_watcher_converges()
    {
        const int slot = 11;
        const int perNode = 10;
        var clients = await Task.WhenAll(cluster.Nodes.SelectMany(n => Enumerable.Range(0, perNode).Select(_ => BoardWatcher.ConnectAsync(n))));
        try
        {
            await clients[0].MakeFreeAsync(slot);
            await WaitUntilFreeAsync(clients, slot);

            await Task.WhenAll(clients.Select(c => c.Client.BookAsync(slot)));
            var answers = await Task.WhenAll(clients.Select(c => c.AnswerAsync("booking_response", AnswerTimeout)));

            var winners = clients.Zip(answers, (c, a) => (c.Node.Name, Won: a.GetProperty("success").GetBoolean())).Where(p => p.Won).Select(p => p.Name).ToList();
            log.WriteLine($"winner(s): {string.Join(", ", winners)}");
            Assert.True(winners.Count == 1, $"expected exactly one winner, got {winners.Count} (on {string.Join(", ", winners)})");
            var losers = answers.Where(a => !a.GetProperty("success").GetBoolean()).Select(a => a.GetProperty("message").GetString()).ToList();
            Assert.All(losers, m => Assert.Equal($"Slot {slot} is already booked", m));

            // Every client converges on one state of the slot: booked, at the same time.
            var notConverged = new List<string>();
            await Task.WhenAll(clients.Select(async c =>
            {
                if (!await c.WaitForBoardAsync(b => b.Single(s => s.Id == slot).IsBooked, ConvergeTimeout))
                    lock (notConverged) notConverged.Add($"{c.Node.Name}: {BoardWatcher.Describe(c.Board.SingleOrDefault(s => s.Id == slot))}");
            }));
            Assert.True(notConverged.Count == 0, $"watchers still not showing slot {slot} booked after {ConvergeTimeout.TotalSeconds:F0} s: {string.Join("; ", notConverged)}");
            var seen = clients.Select(c => c.Board.Single(s => s.Id == slot)).Distinct().ToList();
            Assert.True(seen.Count == 1, $"watchers show slot {slot} in {seen.Count} states: {string.Join("; ", seen.Select(s => BoardWatcher.Describe(s)))}");
            foreach (var node in cluster.Nodes)
                Assert.Equal(seen[0], (await SlotBoard.ReadOverHttpAsync(node.Host.Http)).Single(s => s.Id == slot));
        }
        finally
        {
            foreach (var client in clients) await client.DisposeAsync();
        }
    }

    private static async Task WaitUntilFreeAsync(IReadOnlyList<BoardWatcher> watchers, int slot)
    {
        var stale = new List<string>();
        await Task.WhenAll(watchers.Select(async w =>
        {
            if (!await w.WaitForBoardAsync(b => !b.Single(s => s.Id == slot).IsBooked, ConvergeTimeout))
                lock (stale) stale.Add($"{w.Node.Name}: {BoardWatcher.Describe(w.Board.SingleOrDefault(s => s.Id == slot))}");
        }));
        Assert.True(stale.Count == 0, $"watchers not showing slot {slot} free {ConvergeTimeout.TotalSeconds:F0} s after it was cancelled: {string.Join("; ", stale)}");
    }

    public Task DisposeAsync()
    {
        cluster.Output.DrainTo(log);
        return Task.CompletedTask;
    }
}
