using System.CommandLine;
using System.Text.Json;
using SlotBooking.Client.Auth;
using SlotBooking.Client.Load;
using SlotBooking.Client.Output;

namespace SlotBooking.Client.Commands;

/// <summary><c>load</c>: closed-loop book/cancel traffic from many clients; throughput, latency, refusals, errors.</summary>
public static class LoadCommand
{
    public static Command Create()
    {
        var url = CommonOptions.Url();
        var json = CommonOptions.Json();
        var clients = CommonOptions.Positive("--clients", "Concurrent connections, each with one request outstanding", 20);
        var seconds = CommonOptions.Seconds("--seconds", "How long to measure", 10);
        var warmup = CommonOptions.Seconds("--warmup-seconds", "Traffic before measuring starts, not counted", 1, minimum: 0);
        var slots = CommonOptions.Slots("Slot ids to pick from, a-b (default: every slot the server has)");
        var timeout = CommonOptions.Seconds("--timeout-seconds", "An answer slower than this is a timeout error", 10);
        var seed = new Option<int?>("--seed") { Description = "Random seed, for repeatable choices of slot and operation" };
        var serverPid = CommonOptions.ServerPid();
        var datedDays = new Option<int?>("--dated-days")
        {
            Description = "Spread the load over every dated calendar of the server (GET /calendars), on this many days after today",
        };

        var token = CommonOptions.Token();
        var signInKey = new Option<string?>("--sign-in-key")
        {
            Description = "Sign every client in as its own subject (load-N@bench.local) with tokens minted from this HS256 key, the server's SlotBooking:Auth:SigningKey",
        };

        var asAdmins = new Option<bool>("--as-admins")
        {
            Description = "With --sign-in-key: the minted tokens carry the role admin, so any client may cancel any booking (the same refusals as anonymous clients on an open calendar)",
        };

        var command = new Command("load", "Closed loop: each client books or cancels a random slot and waits for its answer")
        {
            url, clients, seconds, slots, warmup, timeout, seed, serverPid, datedDays, token, signInKey, asAdmins, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new LoadOptions(parse.GetValue(url)!, parse.GetValue(clients), TimeSpan.FromSeconds(parse.GetValue(seconds)))
            {
                Slots = parse.GetValue(slots),
                Warmup = TimeSpan.FromSeconds(parse.GetValue(warmup)),
                ResponseTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                Seed = parse.GetValue(seed),
                ServerProcessId = parse.GetValue(serverPid),
            };
            if (parse.GetValue(signInKey) is { } key)
            {
                var minted = new MintedTokens(key);
                var lifetime = options.Warmup + options.Duration + TimeSpan.FromMinutes(10);
                var admins = parse.GetValue(asAdmins);
                options = options with { TokenFor = n => minted.For(n, lifetime, admins) };
            }
            else if (parse.GetValue(token) is { } shared)
                options = options with { TokenFor = _ => shared };
            if (parse.GetValue(datedDays) is { } days)
            {
                var (addresses, hours) = await DatedDays.FromServerAsync(options.Address, days, cancellationToken);
                options = options with { Days = addresses, Slots = options.Slots ?? hours };
            }
            var result = await LoadRunner.RunAsync(options, ConsoleProgress.Load, cancellationToken);
            Console.Out.Write(parse.GetValue(json)
                ? JsonSerializer.Serialize(result, ClientJsonContext.Default.LoadResult) + Environment.NewLine
                : ResultTables.For(result, options.Warmup).ToString());
            return 0;
        });
        return command;
    }
}
