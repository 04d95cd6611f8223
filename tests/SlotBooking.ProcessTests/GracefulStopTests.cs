using System.Net.WebSockets;
using SlotBooking.ProcessTests.Checks;
using SlotBooking.ProcessTests.Hosting;
using SlotBooking.ProcessTests.Journal;
using SlotBooking.ProcessTests.Load;
using SlotBooking.TestSupport;
using SlotBooking.WireClient.Connections;
using SlotBooking.WireClient.Load;

namespace SlotBooking.ProcessTests;

/// <summary>
/// The contract of a graceful stop (SIGTERM, as sent by systemd, docker stop or Kubernetes): connected clients
/// are told with a 1001 close, nothing acknowledged is lost, newcomers are turned away, and the process exits 0.
/// </summary>
public sealed class GracefulStopTests(ITestOutputHelper log) : HostProcessTest(log)
{
    private const int Clients = 4;
    private const int SuccessesBeforeStop = 50;
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ClientsClosedTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Sigterm_closes_sockets_with_1001_keeps_acknowledged_commands_refuses_newcomers_and_exits_0()
    {
        var seed = Environment.TickCount;
        Log.WriteLine($"seed {seed}");
        await StartHostAsync();
        var ledger = new OperationLedger();
        var violations = new List<string>();

        await using (var load = await LoadRun.StartAsync(Host.WebSocketAddress, Clients, ledger, seed))
        {
            await ledger.WaitForSuccessesAsync(SuccessesBeforeStop, LoadTimeout);
            Assert.Empty(load.Ended);

            var terminatedAt = DateTime.UtcNow;
            Host.Terminate();

            IReadOnlyList<ClientEnding> endings = [];
            try
            {
                endings = await load.WaitForEndingsAsync(ClientsClosedTimeout);
            }
            catch (TimeoutException)
            {
                violations.Add($"not every client's connection ended within {ClientsClosedTimeout.TotalSeconds:F0}s of SIGTERM");
            }
            violations.AddRange(endings
                .Where(e => e is not { Kind: EndingKind.ServerClosed, CloseStatus: WebSocketCloseStatus.EndpointUnavailable })
                .Select(e => $"a client expected a close with 1001 (EndpointUnavailable) but {(e.At - terminatedAt).TotalSeconds:F1}s after SIGTERM its connection ended with {e}"));

            // Our clients have not answered the server's close yet, so a server that waits for them is still up here.
            Log.WriteLine($"host still running when a newcomer tries to connect: {!Host.HasExited}");
            violations.AddRange(await NewcomerViolationsAsync(Host.WebSocketAddress));

            await load.AnswerServerClosesAsync();
            var exitCode = await Host.WaitForExitAsync(Max(terminatedAt + ExitTimeout - DateTime.UtcNow, TimeSpan.Zero));
            if (exitCode is null) violations.Add($"the process had not exited {ExitTimeout.TotalSeconds:F0}s after SIGTERM");
            else if (exitCode != 0) violations.Add($"the process exited with code {exitCode}, expected 0");
        }

        var tally = ledger.Tally();
        Log.WriteLine($"before SIGTERM: {tally}");
        await RestartHostAsync();
        var journal = JournalFile.ReadSlots(DatabasePath);
        violations.AddRange(DurabilityChecks.RoundViolations(JournalFile.Empty, journal, tally));
        violations.AddRange(DurabilityChecks.BoardViolations(await SlotBoard.ReadOverHttpAsync(Host.Http), journal));

        DurabilityChecks.AssertNone(violations, "graceful stop contract");
    }

    /// <summary>A WebSocket handshake attempted after SIGTERM must fail; a socket that opens is a violation.</summary>
    private static async Task<IEnumerable<string>> NewcomerViolationsAsync(Uri address)
    {
        using var timeout = new CancellationTokenSource(ProbeTimeout);
        SocketClient client;
        try
        {
            client = await SocketClient.ConnectAsync(address, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return [$"a new connection after SIGTERM was neither accepted nor refused within {ProbeTimeout.TotalSeconds:F0}s"];
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException)
        {
            return [];
        }

        await using (client)
        {
            string firstFrame;
            try
            {
                var frame = (await client.ReceiveAsync(ProbeTimeout)).ToString();
                firstFrame = frame.Length > 120 ? frame[..120] + "..." : frame;
            }
            catch (ServerClosedException closed)
            {
                firstFrame = $"a close {(int?)closed.Status} {closed.Status} '{closed.Description}'";
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                firstFrame = $"nothing ({ex.GetType().Name}: {ex.Message})";
            }
            return [$"a new WebSocket connection after SIGTERM was accepted (handshake completed); its first frame was {firstFrame}"];
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
