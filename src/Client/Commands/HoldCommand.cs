using System.CommandLine;
using SlotBooking.Client.Connections;
using SlotBooking.WireClient.Connections;

namespace SlotBooking.Client.Commands;

/// <summary>
/// <c>hold</c>: opens idle connections and keeps them for a while, so the server's memory per idle
/// connection can be measured. Prints one "ready" line on stdout once every connection is open.
/// </summary>
public static class HoldCommand
{
    public static Command Create()
    {
        var url = CommonOptions.Url();
        var count = CommonOptions.Positive("--connections", "Idle connections to open (raise `ulimit -n` above this first)", 1000);
        var seconds = CommonOptions.Seconds("--seconds", "How long to hold them once open", 30);
        var parallelism = CommonOptions.Positive("--connect-parallelism", "Connection handshakes in flight at once", 200);

        var command = new Command("hold", "Open idle connections, print 'ready', hold them, then close them politely")
        {
            url, count, seconds, parallelism,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var connector = new Connector(parse.GetValue(url)!);
            var wanted = parse.GetValue(count);
            var step = Math.Max(1, wanted / 10);
            var opened = await ConnectionPool.OpenAsync(connector, wanted, parse.GetValue(parallelism), TimeSpan.FromSeconds(60),
                n => { if (n % step == 0) ConsoleProgress.Line($"connected {n:N0}/{wanted:N0}"); }, cancellationToken);
            Console.WriteLine($"ready {opened.Opened.Count} open, {opened.Failures.Count} failed, in {opened.Elapsed.TotalSeconds:0.0} s");
            foreach (var failure in opened.Failures.Take(5)) ConsoleProgress.Line($"connect failed: {failure}");
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(parse.GetValue(seconds)), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: close early.
            }
            await ConnectionPool.CloseAllAsync(opened.Opened.Select(c => c.Socket));
            return opened.Failures.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
