using System.CommandLine;
using SlotBooking.Client.Commands;

var root = new RootCommand("SlotBooking client: try the service, watch it, load it, and measure it")
{
    DemoCommand.Create(),
    AccountCommands.Register(),
    AccountCommands.Login(),
    LoginStormCommand.Create(),
    WatchCommand.Create(),
    LoadCommand.Create(),
    FanoutCommand.Create(),
    HoldCommand.Create(),
    SeedJournalCommand.Create(),
    StorageLimitCommand.Create(),
};
// Ctrl+C or SIGTERM cancels the running command; closing thousands of connections politely takes a few seconds.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(15) });
