using System.CommandLine;
using System.Text.Json;
using SlotBooking.Client.Output;
using SlotBooking.Client.Seeding;

namespace SlotBooking.Client.Commands;

/// <summary><c>seed-journal</c>: fills the server's journal with N events through the wire protocol.</summary>
public static class SeedJournalCommand
{
    public static Command Create()
    {
        var url = CommonOptions.Url();
        var json = CommonOptions.Json();
        var events = new Option<long>("--events") { Description = "Events to store (successful book/cancel requests)", DefaultValueFactory = _ => 1_000_000 };
        events.Validators.Add(r => { if (r.GetValueOrDefault<long>() < 1) r.AddError("--events must be at least 1"); });
        var window = CommonOptions.Positive("--window", "Requests in flight per slot connection (the server allows 256 unsent answers)", 64);
        var slots = CommonOptions.Slots("Slots to spread the events over, a-b (default: every slot the server has)");

        var command = new Command("seed-journal", "Store N events through the server: per slot, pipelined alternating book/cancel from one connection")
        {
            url, events, window, slots, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new SeedOptions(parse.GetValue(url)!, parse.GetValue(events))
            {
                Window = parse.GetValue(window),
                Slots = parse.GetValue(slots),
            };
            var result = await JournalSeeder.RunAsync(options, ConsoleProgress.Line, cancellationToken);
            Console.Out.Write(parse.GetValue(json)
                ? JsonSerializer.Serialize(result, ClientJsonContext.Default.SeedResult) + Environment.NewLine
                : ResultTables.For(result).ToString());
            return result.Errors == 0 ? 0 : 1;
        });
        return command;
    }
}
