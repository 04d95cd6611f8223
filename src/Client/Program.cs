using System.CommandLine;
using SlotBooking.Client.Commands;

var root = new RootCommand("SlotBooking client: try the service, watch it, load it, and measure it")
{
    DemoCommand.Create(),
    WatchCommand.Create(),
    LoadCommand.Create(),
    FanoutCommand.Create(),
    HoldCommand.Create(),
    SeedJournalCommand.Create(),
    StorageLimitCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
