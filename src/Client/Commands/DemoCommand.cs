using System.CommandLine;
using SlotBooking.Client.Output;
using SlotBooking.WireClient.Connections;
using SlotBooking.WireClient.Frames;
using SlotBooking.WireClient.Requests;

namespace SlotBooking.Client.Commands;

/// <summary><c>demo</c>: the seed's test-client flow: connect, show the state, book a slot, get_slots, listen.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var url = CommonOptions.Url();
        var slot = new Option<int>("--slot") { Description = "The slot to book", DefaultValueFactory = _ => 9 };
        var listenSeconds = CommonOptions.Seconds("--listen-seconds", "How long to print broadcasts at the end", 10, minimum: 0);
        var calendar = CommonOptions.Calendar();
        var date = CommonOptions.Date();
        var token = CommonOptions.Token();

        var command = new Command("demo", "Connect, print the initial state, book a slot, get_slots, then print broadcasts for a while")
        {
            url, slot, listenSeconds, calendar, date, token,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var day = CommonOptions.DayOf(parse.GetValue(calendar), parse.GetValue(date));
            var address = CommonOptions.Watching(parse.GetValue(url)!, day);
            var slotId = parse.GetValue(slot);
            var where = day is { } d ? $" on {d.Calendar} {d.Date}" : "";
            using var connector = new Connector(address);
            Console.WriteLine($"Connecting to {address} ...");
            await using var socket = await connector.ConnectAsync(cancellationToken, parse.GetValue(token));
            Console.WriteLine("Connected. Initial state:");
            PrintState(await PrintUntilAsync(socket, f => f.Kind == ServerFrameKind.SlotsUpdate, cancellationToken));

            Console.WriteLine($"-> book_slot {slotId}{where}");
            await socket.SendAsync(RequestEncoder.Book(slotId, day: day), cancellationToken);
            await PrintUntilAsync(socket, f => f.IsAnswer, cancellationToken);

            Console.WriteLine($"-> get_slots{where}");
            await socket.SendAsync(RequestEncoder.GetSlots(day: day), cancellationToken);
            PrintState(await PrintUntilAsync(socket, f => f.Kind == ServerFrameKind.SlotsUpdate, cancellationToken));

            var listen = TimeSpan.FromSeconds(parse.GetValue(listenSeconds));
            Console.WriteLine($"Listening for broadcasts for {listen.TotalSeconds:0.#} s (Ctrl+C to stop) ...");
            await ListenAsync(socket, listen, cancellationToken);
            Console.WriteLine("Done.");
            return 0;
        });
        return command;
    }

    /// <summary>Prints frames until one matches; returns that one (valid until the next receive).</summary>
    private static async Task<ReadOnlyMemory<byte>> PrintUntilAsync(WireSocket socket, Func<ServerFrame, bool> wanted, CancellationToken cancellationToken)
    {
        while (true)
        {
            var utf8 = await socket.ReceiveAsync(cancellationToken);
            Console.WriteLine($"<- {FrameDescriptions.Describe(utf8.Span)}");
            if (wanted(ServerFrameReader.Read(utf8.Span))) return utf8;
        }
    }

    /// <summary>Prints every frame until the time is up or Ctrl+C, then closes politely and reads to the server's close.</summary>
    private static async Task ListenAsync(WireSocket socket, TimeSpan listen, CancellationToken cancellationToken)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        done.CancelAfter(listen);
        await using var closeWhenDone = done.Token.Register(() => _ = socket.CloseOutputAsync());
        try
        {
            while (true) Console.WriteLine($"<- {FrameDescriptions.Describe((await socket.ReceiveAsync(CancellationToken.None)).Span)}");
        }
        catch (ServerClosedException) when (done.IsCancellationRequested)
        {
            // The server's answer to our close: the listening time is over.
        }
    }

    private static void PrintState(ReadOnlyMemory<byte> utf8)
    {
        var update = SlotsUpdateReader.TryRead(utf8.Span);
        Console.Write(update is null ? $"(not a slots_update: {FrameDescriptions.Describe(utf8.Span)})\n" : SlotTable.Render(update));
    }
}
