using System.Diagnostics;
using System.Net.WebSockets;
using SlotBooking.ProcessTests.Checks;
using SlotBooking.ProcessTests.Journal;
using SlotBooking.ProcessTests.Load;
using SlotBooking.WireClient.Load;

namespace SlotBooking.ProcessTests.Cluster;

/// <summary>
/// A node killed (SIGKILL) or stopped (SIGTERM) under load from clients on all three nodes. The journal in PostgreSQL
/// is the ground truth: it must hold every acknowledged operation and nothing beyond what was in flight, each slot's
/// events alternating booked, cancelled from #1 (a second owner would show as two bookings in a row, or as a
/// sequence number written twice, which the journal's key refuses).
/// </summary>
[Collection(ThreeNodeCollection.Name)]
public sealed class ClusterFailoverTests(ClusterFixture cluster, ITestOutputHelper log) : IAsyncLifetime
{
    private const int ClientsPerNode = 5;
    private const int SuccessesBeforeFault = 60;
    private const int SuccessesAfterRecovery = 30;

    /// <summary>The issue's target for a killed node's entities to answer again on the survivors (hocon/cluster.conf's budget).</summary>
    private static readonly TimeSpan FailoverTarget = TimeSpan.FromSeconds(20);
    /// <summary>What the test fails beyond: the target plus a margin for 2 cores shared with other work.</summary>
    private static readonly TimeSpan FailoverLimit = TimeSpan.FromSeconds(25);
    private static readonly TimeSpan ProbeLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ClientsNoticeTimeout = TimeSpan.FromSeconds(20);
    // A stopped loop first gets the answer to its request in flight: at most the session's command timeout (15 s).
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(20);
    // A request sent this long before SIGTERM has been read by the server, which then answers it before its 1001 close.
    // One sent later may still be in the socket when the session stops reading (a frame the server never read cannot be
    // answered: after its close frame it may send nothing), so its client sees only the 1001 and must read the board again.
    private static readonly TimeSpan ReadBeforeSigterm = TimeSpan.FromMilliseconds(250);

    public Task InitializeAsync() => cluster.EnsureAllUpAsync();

    [Fact]
    public async Task Sigkill_of_a_node_under_load_every_slot_answers_again_on_the_survivors_and_the_journal_keeps_every_acknowledged_operation()
    {
        var seed = Environment.TickCount;
        log.WriteLine($"seed {seed}");
        // The first node to start is the oldest: it hosts sharding's coordinator (and the default board, which started
        // there, unless sharding has rebalanced it since), so its death moves those too.
        var victim = cluster.A;
        ClusterNode[] survivors = [cluster.B, cluster.C];
        var before = await PostgreSqlJournal.ReadSlotsAsync(cluster.ConnectionString);
        var ledger = new OperationLedger();
        var violations = new List<string>();
        IReadOnlyDictionary<int, TimeSpan?> failover;

        await using (var load = await ClusterLoad.StartAsync(cluster.Nodes, ClientsPerNode, ledger, seed))
        {
            await ledger.WaitForSuccessesAsync(SuccessesBeforeFault, LoadTimeout);
            Assert.Empty(load.Clients.Where(c => c.Run.IsCompleted).Select(c => $"{c.Node.Name}: {c.Run.Result}"));

            // Kill on the heels of an acknowledgement, so that an answer given before its commit would likely be caught.
            await ledger.WaitForNextSuccessAsync(LoadTimeout);
            var killedAt = Stopwatch.StartNew();
            victim.Host.Kill();
            log.WriteLine($"SIGKILL {victim.Name} with {ledger.Tally().Unanswered} operations in flight");

            failover = await FailoverProbe.MeasureAsync(survivors, ledger, killedAt, ProbeLimit);
            log.WriteLine("first answer through the survivors after SIGKILL, per slot: " +
                          string.Join(", ", failover.Select(f => $"{f.Key}: {(f.Value is { } t ? $"{t.TotalSeconds:F1} s" : "none")}")));

            try
            {
                var endings = await ClusterLoad.WaitForEndingsAsync(load.On(victim), ClientsNoticeTimeout);
                violations.AddRange(endings.Where(e => e.Ending.Kind != EndingKind.ConnectionLost)
                    .Select(e => $"a client of the killed node ended with {e.Ending}, expected its connection lost"));
            }
            catch (TimeoutException)
            {
                violations.Add($"the killed node's clients had not all noticed {ClientsNoticeTimeout.TotalSeconds:F0} s after SIGKILL");
            }

            // The survivors' clients keep working: none of them ended, and they go on succeeding.
            var succeeded = ledger.Tally().Succeeded;
            try
            {
                await ledger.WaitForSuccessesAsync(succeeded + SuccessesAfterRecovery, LoadTimeout);
            }
            catch (TimeoutException e)
            {
                violations.Add($"the survivors' clients did not keep working after the failover: {e.Message}");
            }
            violations.AddRange(load.NotOn(victim).Where(c => c.Run.IsCompleted).Select(c => $"a client of {c.Node.Name} ended: {c.Run.Result}"));
            foreach (var client in load.Clients) client.Stop();
            try
            {
                var endings = await ClusterLoad.WaitForEndingsAsync(load.NotOn(victim), StopTimeout);
                violations.AddRange(endings.Where(e => e.Ending.Kind != EndingKind.Stopped).Select(e => $"a client of {e.Client.Node.Name} ended: {e.Ending}"));
            }
            catch (TimeoutException)
            {
                violations.Add($"the survivors' clients had not all stopped within {StopTimeout.TotalSeconds:F0} s of being asked");
            }
            log.WriteLine($"answers: {load.Total(AnswerKind.Done)} done, {load.Total(AnswerKind.Refused)} refused, " +
                          $"{load.Total(AnswerKind.NotConfirmed)} not confirmed, {load.Total(AnswerKind.Error)} errors");
            foreach (var line in load.Clients.SelectMany(c => c.Notable)) log.WriteLine(line);
        }
        Assert.NotNull(await victim.Host.WaitForExitAsync(ExitTimeout));

        // The killed node restarts on its port and rejoins; the old incarnation was downed by then.
        var restarted = Stopwatch.StartNew();
        await cluster.StartAsync(victim);
        await cluster.WaitForViewAsync(cluster.Nodes, cluster.Nodes, "the killed node restarted and rejoined");
        log.WriteLine($"the killed node was healthy and seen up by all three {restarted.Elapsed.TotalSeconds:F1} s after its restart");

        var tally = ledger.Tally();
        log.WriteLine($"ledger: {tally}");
        var after = await PostgreSqlJournal.ReadSlotsAsync(cluster.ConnectionString);
        violations.AddRange(DurabilityChecks.RoundViolations(before, after, tally));
        await AddBoardViolationsAsync(cluster.Nodes, after, violations);

        var slowest = failover.Values.Max(t => t ?? TimeSpan.MaxValue);
        var measured = slowest == TimeSpan.MaxValue ? $"some slots not within {ProbeLimit.TotalSeconds:F0} s" : $"{slowest.TotalSeconds:F1} s";
        log.WriteLine($"FAILOVER: every slot answered again through the survivors {measured} after SIGKILL " +
                      $"(target {FailoverTarget.TotalSeconds:F0} s: {(slowest <= FailoverTarget ? "met" : "MISSED")})");
        if (slowest > FailoverLimit)
            violations.Add($"every slot answered again only {measured} after SIGKILL; the target is {FailoverTarget.TotalSeconds:F0} s " +
                           $"(failing beyond {FailoverLimit.TotalSeconds:F0} s for a loaded machine)");
        DurabilityChecks.AssertNone(violations, "SIGKILL of one node of three");
    }

    [Fact]
    public async Task Sigterm_of_a_node_under_load_hands_its_shards_off_without_a_refused_or_lost_command_and_closes_its_clients_with_1001()
    {
        var seed = Environment.TickCount;
        log.WriteLine($"seed {seed}");
        var victim = cluster.B;
        var before = await PostgreSqlJournal.ReadSlotsAsync(cluster.ConnectionString);
        var ledger = new OperationLedger();
        var violations = new List<string>();

        await using (var load = await ClusterLoad.StartAsync(cluster.Nodes, ClientsPerNode, ledger, seed))
        {
            await ledger.WaitForSuccessesAsync(SuccessesBeforeFault, LoadTimeout);
            Assert.Empty(load.Clients.Where(c => c.Run.IsCompleted).Select(c => $"{c.Node.Name}: {c.Run.Result}"));

            var terminatedAt = DateTime.UtcNow;
            victim.Host.Terminate();
            try
            {
                var endings = await ClusterLoad.WaitForEndingsAsync(load.On(victim), ClientsNoticeTimeout);
                foreach (var (client, ending) in endings)
                {
                    if (ending is not { Kind: EndingKind.ServerClosed, CloseStatus: WebSocketCloseStatus.EndpointUnavailable })
                        violations.Add($"a client of the stopped node ended {(ending.At - terminatedAt).TotalSeconds:F1} s after SIGTERM with {ending}, expected a close with 1001");
                    // A request the server had read when SIGTERM came was in flight when the session began to drain: it must be answered before the close.
                    if (client.InFlightSentAt is { } sent && sent < terminatedAt - ReadBeforeSigterm)
                        violations.Add($"a client of the stopped node was closed without the answer to its request sent {(terminatedAt - sent).TotalMilliseconds:F0} ms before SIGTERM");
                }
            }
            catch (TimeoutException)
            {
                violations.Add($"the stopped node's clients were not all closed within {ClientsNoticeTimeout.TotalSeconds:F0} s of SIGTERM");
            }
            await Task.WhenAll(load.On(victim).Select(c => c.AnswerServerCloseAsync()));
            var exitCode = await victim.Host.WaitForExitAsync(ExitTimeout);
            if (exitCode != 0) violations.Add($"the stopped node {(exitCode is null ? $"had not exited {ExitTimeout.TotalSeconds:F0} s after SIGTERM" : $"exited with {exitCode}")}, expected 0");
            log.WriteLine($"SIGTERM {victim.Name}: its clients closed and the process exited {(DateTime.UtcNow - terminatedAt).TotalSeconds:F1} s after it");

            // Its shards now live on the others: the clients there go on, every request answered.
            var succeeded = ledger.Tally().Succeeded;
            try
            {
                await ledger.WaitForSuccessesAsync(succeeded + SuccessesAfterRecovery, LoadTimeout);
            }
            catch (TimeoutException e)
            {
                violations.Add($"the other nodes' clients did not keep working after the stop: {e.Message}");
            }
            foreach (var client in load.Clients) client.Stop();
            try
            {
                var endings = await ClusterLoad.WaitForEndingsAsync(load.NotOn(victim), StopTimeout);
                violations.AddRange(endings.Where(e => e.Ending.Kind != EndingKind.Stopped).Select(e => $"a client of {e.Client.Node.Name} ended: {e.Ending}"));
            }
            catch (TimeoutException)
            {
                violations.Add($"the other nodes' clients had not all stopped within {StopTimeout.TotalSeconds:F0} s of being asked");
            }
            var refusedOrLost = load.NotOn(victim).Sum(c => c.Count(AnswerKind.NotConfirmed) + c.Count(AnswerKind.Error));
            if (refusedOrLost > 0)
                violations.Add($"{refusedOrLost} requests to the other nodes were answered 'not confirmed' or with an error: " +
                               string.Join("; ", load.NotOn(victim).SelectMany(c => c.Notable)));
            log.WriteLine($"answers: {load.Total(AnswerKind.Done)} done, {load.Total(AnswerKind.Refused)} refused, " +
                          $"{load.Total(AnswerKind.NotConfirmed)} not confirmed, {load.Total(AnswerKind.Error)} errors");
            foreach (var line in load.On(victim).SelectMany(c => c.Notable)) log.WriteLine($"(stopped node) {line}");
        }

        var tally = ledger.Tally();
        log.WriteLine($"ledger: {tally}");
        var after = await PostgreSqlJournal.ReadSlotsAsync(cluster.ConnectionString);
        violations.AddRange(DurabilityChecks.RoundViolations(before, after, tally));
        await AddBoardViolationsAsync([cluster.A, cluster.C], after, violations);
        DurabilityChecks.AssertNone(violations, "SIGTERM of one node of three");
    }

    /// <summary>Each node's <c>GET /slots</c> agrees with the journal, and all nodes agree with each other.</summary>
    private static async Task AddBoardViolationsAsync(IReadOnlyList<ClusterNode> nodes, IReadOnlyDictionary<int, IReadOnlyList<StoredEvent>> journal, List<string> violations)
    {
        var boards = new List<(ClusterNode Node, IReadOnlyList<SlotSeen> Board)>();
        foreach (var node in nodes)
        {
            var board = await SlotBoard.ReadOverHttpAsync(node.Host.Http);
            boards.Add((node, board));
            violations.AddRange(DurabilityChecks.BoardViolations(board, journal).Select(v => $"GET /slots on {node.Name}: {v}"));
        }
        foreach (var (node, board) in boards.Skip(1))
        {
            if (!board.SequenceEqual(boards[0].Board))
                violations.Add($"GET /slots on {node.Name} differs from {boards[0].Node.Name}'s");
        }
    }

    public Task DisposeAsync()
    {
        cluster.Output.DrainTo(log);
        return Task.CompletedTask;
    }
}
