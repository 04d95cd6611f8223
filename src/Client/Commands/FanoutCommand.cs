using System.CommandLine;
using System.Text.Json;
using SlotBooking.Client.Fanout;
using SlotBooking.Client.Output;

namespace SlotBooking.Client.Commands;

/// <summary><c>fanout</c>: how long until every connected listener has seen a change.</summary>
public static class FanoutCommand
{
    public static Command Create()
    {
        var url = CommonOptions.Url();
        var json = CommonOptions.Json();
        var listeners = CommonOptions.Positive("--listeners", "Listener connections (raise `ulimit -n` above this first)", 1000);
        var changes = CommonOptions.Positive("--changes", "Changes the writer makes, one at a time", 20);
        var slot = new Option<int?>("--slot") { Description = "The slot the writer toggles (default: the server's first slot); nobody else may use it meanwhile" };
        var parallelism = CommonOptions.Positive("--connect-parallelism", "Connection handshakes in flight at once", 200);
        var timeout = CommonOptions.Seconds("--timeout-seconds", "A change not seen by every listener within this ends the run", 30);
        var serverPid = CommonOptions.ServerPid();

        var command = new Command("fanout", "K listeners; one writer makes R changes; time until every listener has seen each")
        {
            url, listeners, changes, slot, parallelism, timeout, serverPid, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new FanoutOptions(parse.GetValue(url)!, parse.GetValue(listeners), parse.GetValue(changes))
            {
                SlotId = parse.GetValue(slot),
                ConnectParallelism = parse.GetValue(parallelism),
                ChangeTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                ServerProcessId = parse.GetValue(serverPid),
            };
            var result = await FanoutRunner.RunAsync(options, ConsoleProgress.Line, cancellationToken);
            Console.Out.Write(parse.GetValue(json)
                ? JsonSerializer.Serialize(result, ClientJsonContext.Default.FanoutResult) + Environment.NewLine
                : ResultTables.For(result).ToString());
            return 0;
        });
        return command;
    }
}
