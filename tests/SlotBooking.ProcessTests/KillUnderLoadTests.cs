using SlotBooking.ProcessTests.Checks;
using SlotBooking.ProcessTests.Hosting;
using SlotBooking.ProcessTests.Journal;
using SlotBooking.ProcessTests.Load;
using SlotBooking.WireClient.Load;

namespace SlotBooking.ProcessTests;

public sealed class KillUnderLoadTests(ITestOutputHelper log) : HostProcessTest(log)
{
    private const int Rounds = 3;
    private const int Clients = 16;
    private static readonly TimeSpan LoadTime = TimeSpan.FromSeconds(2.5);

    // Load is not cut short on a slow machine before it has done something worth checking.
    private const int MinimumSuccessesPerRound = 40;
    private static readonly TimeSpan MinimumSuccessesTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ClientsNoticeTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Sigkill_under_load_loses_no_acknowledged_operation_and_stores_nothing_beyond_what_was_in_flight()
    {
        var seed = Environment.TickCount;
        Log.WriteLine($"seed {seed}");
        var stored = JournalFile.Empty;
        await StartHostAsync();

        for (var round = 1; round <= Rounds; round++)
        {
            var ledger = new OperationLedger();
            await using (var load = await LoadRun.StartAsync(Host.WebSocketAddress, Clients, ledger, seed + round * Clients))
            {
                await Task.WhenAll(Task.Delay(LoadTime), ledger.WaitForSuccessesAsync(MinimumSuccessesPerRound, MinimumSuccessesTimeout));
                Assert.Empty(load.Ended);

                // Kill on the heels of an acknowledgement: a server that answers before its write is stored is
                // then likely caught with an acknowledged event still unwritten.
                await ledger.WaitForNextSuccessAsync(MinimumSuccessesTimeout);
                Host.Kill();
                var endings = await load.WaitForEndingsAsync(ClientsNoticeTimeout);
                Assert.All(endings, e => Assert.Equal(EndingKind.ConnectionLost, e.Kind));
            }
            Assert.NotNull(await Host.WaitForExitAsync(ExitTimeout));

            var tally = ledger.Tally();
            Log.WriteLine($"round {round}: {tally}");
            // The kill must land mid-flight for the upper bound to be tested at all.
            Assert.True(tally.Unanswered > 0, "no operation was in flight when the host was killed");

            await RestartHostAsync();
            var now = JournalFile.ReadSlots(DatabasePath);
            DurabilityChecks.AssertNone(DurabilityChecks.RoundViolations(stored, now, tally), $"journal after kill {round}");
            DurabilityChecks.AssertNone(
                DurabilityChecks.BoardViolations(await SlotBoard.ReadOverHttpAsync(Host.Http), now), $"GET /slots after restart {round}");
            stored = now;
        }

        var overHttp = await SlotBoard.ReadOverHttpAsync(Host.Http);
        var overSocket = await SlotBoard.ReadAsNewClientAsync(Host.WebSocketAddress);
        Assert.Equal(overHttp, overSocket);
    }
}
