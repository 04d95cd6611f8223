using System.CommandLine;
using SlotBooking.Client.Output;
using SlotBooking.WireClient.Connections;
using SlotBooking.WireClient.Frames;

namespace SlotBooking.Client.Commands;

/// <summary><c>watch</c>: a live table of the slots, redrawn on every <c>slots_update</c>, until Ctrl+C.</summary>
public static class WatchCommand
{
    private const string ClearScreen = "\u001b[H\u001b[2J";

    public static Command Create()
    {
        var url = CommonOptions.Url();
        var calendar = CommonOptions.Calendar();
        var date = CommonOptions.Date();
        var token = CommonOptions.Token();
        var command = new Command("watch", "A live view of the slots, redrawn on each slots_update (Ctrl+C to stop)") { url, calendar, date, token };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var address = CommonOptions.Watching(parse.GetValue(url)!, CommonOptions.DayOf(parse.GetValue(calendar), parse.GetValue(date)));
            using var connector = new Connector(address);
            await using var socket = await connector.ConnectAsync(cancellationToken, parse.GetValue(token));
            // Ctrl+C sends our close frame; the loop ends when the server answers it.
            await using var closeOnCancel = cancellationToken.Register(() => _ = socket.CloseOutputAsync());
            var updates = 0;
            try
            {
                while (true)
                {
                    var update = SlotsUpdateReader.TryRead((await socket.ReceiveAsync(CancellationToken.None)).Span);
                    if (update is null) continue;
                    updates++;
                    // Redirected output gets one table after another instead of escape codes.
                    if (!Console.IsOutputRedirected) Console.Write(ClearScreen);
                    Console.WriteLine($"SlotBooking at {address}: update {updates} (Ctrl+C to stop)");
                    Console.WriteLine(SlotTable.Render(update));
                }
            }
            catch (ServerClosedException) when (cancellationToken.IsCancellationRequested)
            {
                return 0;
            }
        });
        return command;
    }
}
