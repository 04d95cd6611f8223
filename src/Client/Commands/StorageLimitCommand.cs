using System.CommandLine;
using System.Text.Json;
using SlotBooking.Client.Output;
using SlotBooking.Client.Storage;
using SlotBooking.Protocol;

namespace SlotBooking.Client.Commands;

/// <summary><c>storage-limit</c>: what raw SQLite can commit on a disk, the ceiling to compare the service with.</summary>
public static class StorageLimitCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var directory = new Option<DirectoryInfo>("--directory")
        {
            Description = "Where to put the scratch SQLite file (use the server's data disk); it is deleted afterwards",
            DefaultValueFactory = _ => new DirectoryInfo(Path.GetTempPath()),
        };
        var synchronous = new Option<SqliteSynchronous>("--synchronous") { Description = "SQLite's synchronous setting", DefaultValueFactory = _ => SqliteSynchronous.Full };
        var seconds = CommonOptions.Seconds("--seconds", "Duration of each of the two tests", 5);

        var command = new Command("storage-limit", "Raw SQLite (WAL) on a disk: single-row durable commits/s and rows/s in 100-row transactions")
        {
            directory, synchronous, seconds, json,
        };
        command.SetAction(parse =>
        {
            var result = StorageLimitProbe.Run(parse.GetValue(directory)!.FullName, parse.GetValue(synchronous), TimeSpan.FromSeconds(parse.GetValue(seconds)));
            Console.Out.Write(parse.GetValue(json)
                ? JsonSerializer.Serialize(result, ClientJsonContext.Default.StorageLimitResult) + Environment.NewLine
                : ResultTables.For(result).ToString());
            return 0;
        });
        return command;
    }
}
