using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;
using SlotBooking.Protocol;
using SlotBooking.Tests.EndToEnd;
using SlotBooking.TestSupport;
using SlotBooking.WireClient.Connections;

namespace SlotBooking.Tests.Hostile;

/// <summary>
/// Random and mutated frames thrown at a live server, with every field a frame may carry (<c>calendar</c>, <c>date</c>,
/// <c>token</c>, <c>request_id</c>; <c>watch</c> and <c>unwatch</c>). For every frame: it gets at least one answer of a
/// known type within the command timeout, or the socket closes with a protocol status (1007 invalid UTF-8, 1009 too
/// big); and the booked state of the default board and of the dated calendar's days always equals a model built only
/// from the server's successful answers, so no refused frame changed anything. After the run the host is idle again
/// and has logged no storm of errors.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class RandomFramePropertyTests : HostTest
{
    private const int SizeLimit = 2048;
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(3);

    /// <summary>A run's answers arrive within the command timeout; the margin covers a loaded 2-core machine.</summary>
    private static readonly TimeSpan AnswerWithin = CommandTimeout + TimeSpan.FromSeconds(2);

    /// <summary>Refused frames are answered, not logged as errors; a few errors (a client gone mid-send) are tolerated.</summary>
    private const int MaxErrorLines = 5;

    // A request the generators never produce, whose answer marks the end of the answers to the frame before it.
    private const string Sentinel = """{"type":"cancel_slot","slot_id":-424242}""";

    private static readonly HashSet<string> KnownTypes = ["slots_update", "booking_response", "cancellation_response", "error", "my_bookings"];

    private readonly LogCapture _log = new();

    /// <summary>Successful bookings per calendar over the run: the generators must reach the paths that change state.</summary>
    private readonly Dictionary<string, int> _successes = [];

    protected override string[] HostArgs =>
    [
        .. LabCalendar.Args(),
        .. TestTokens.Args(),
        $"--SlotBooking:MaxMessageBytes={SizeLimit}",
        $"--SlotBooking:CommandTimeout={CommandTimeout}",
        "--SlotBooking:MessagesPerSecond=100000",
        "--SlotBooking:MessageBurst=100000",
        "--SlotBooking:HttpRequestsPerSecond=100000",
        "--SlotBooking:HttpRequestBurst=100000",
    ];

    protected override Action<IServiceCollection>? HostServices => _log.AddTo;

    /// <summary>Today and the next days in the lab's zone: inside its 14-day horizon, so bookings there can succeed.</summary>
    private static readonly string[] NearDates = Days(0, 1, 2, 3);

    /// <summary>Days at the edges of the lab's window: only the horizon's last day (14) can be booked.</summary>
    private static readonly string[] EdgeDates = [.. Days(-1, 14, 15), "0001-01-01", "9999-12-31"];

    /// <summary>The lab's days a booking may succeed on: today to the horizon's last day (14 days on).</summary>
    private static readonly HashSet<string> Bookable = [.. NearDates, .. Days(14)];

    private static readonly FrameFields Fields = new(NearDates, EdgeDates, new FrameTokens(
        Valid: [TestTokens.For("alice@example.org"), TestTokens.For("bob@example.org"), TestTokens.For("root", admin: true)],
        Invalid:
        [
            "garbage", "Bearer x", "a.b.c", "",
            TestTokens.For("alice@example.org", expires: DateTimeOffset.UtcNow.AddHours(-2)),
            TestTokens.For("alice@example.org", key: "another-signing-key-that-is-long-enough!!"),
            TestTokens.For("alice@example.org", audience: "someone-else"),
            TestTokens.Provider.For("alice@example.org", admin: true),
            TestTokens.Unsigned("root", admin: true),
            TestTokens.Tampered("bob@example.org", "alice@example.org"),
        ]));

    /// <summary>The boards the model follows: the default one (no date) and the lab's days the frames name.</summary>
    private static readonly Board[] Boards = [new("default", null), .. NearDates.Concat(EdgeDates).Select(d => new Board("lab", d))];

    [Fact]
    public async Task Every_frame_is_answered_in_time_or_closes_with_a_protocol_status_and_only_successes_change_state()
    {
        // Shrunk by leaving frames out, so a counterexample is the few frames that matter, each shown as text.
        var frames = Arb.From(
            RandomFrames.Frame(SizeLimit, Fields).Select(f => new ShownFrame(f)).ListOf().Select(l => l.ToArray()),
            batch => Enumerable.Range(0, batch.Length).Select(i => batch.Where((_, j) => j != i).ToArray()));
        var property = Prop.ForAll(frames, batch => CheckBatchAsync(batch.Select(f => f.Bytes).ToArray()).GetAwaiter().GetResult());
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), property);

        Assert.True(_successes.GetValueOrDefault("default") > 0 && _successes.GetValueOrDefault("lab") > 0,
            $"the run booked too little to test the model: {string.Join(", ", _successes)}");
        var load = await ProcessIdle.LowestLoadAsync();
        Assert.True(load < 0.3, $"the host did not go back to idle: {load:P0} of a core at best; {_log.Describe()}");
        Assert.True(_log.ErrorCount <= MaxErrorLines, _log.Describe());
    }

    private async Task CheckBatchAsync(byte[][] batch)
    {
        var booked = await BookedOnServerAsync();
        var client = await SocketClient.ConnectAsync(Host.WebSocketAddress);
        try
        {
            await client.ReceiveAsync(); // the initial slots_update
            foreach (var frame in batch)
            {
                await client.Socket.SendAsync(frame, WebSocketMessageType.Text, true, CancellationToken.None);
                var closed = await SendSentinelAndCollectAsync(client, frame, booked);
                if (closed is null) continue;

                Assert.Contains(closed.Value, new[] { WebSocketCloseStatus.InvalidPayloadData, WebSocketCloseStatus.MessageTooBig });
                await client.DisposeAsync();
                client = await SocketClient.ConnectAsync(Host.WebSocketAddress);
                await client.ReceiveAsync();
            }
        }
        finally
        {
            await client.DisposeAsync();
        }
        var onServer = await BookedOnServerAsync();
        Assert.Equal(Describe(booked), Describe(onServer));
    }

    /// <summary>Reads the answers to <paramref name="frame"/> up to the sentinel's; applies successes to the model. Returns the close status if the server closed instead.</summary>
    private async Task<WebSocketCloseStatus?> SendSentinelAndCollectAsync(SocketClient client, byte[] frame, HashSet<BookedSlot> booked)
    {
        var sent = Stopwatch.GetTimestamp();
        try
        {
            await client.SendTextAsync(Sentinel);
        }
        catch (WebSocketException)
        {
            // Already closed by the server (e.g. 1009 sent while we were still sending).
        }

        var answers = 0;
        // The parser is the oracle of what the frame asked: a request_id it accepted must come back on an answer.
        var request = ClientRequestParser.Parse(frame);
        var echoed = request.RequestId is null || request is UnwatchRequest;
        while (true)
        {
            JsonElement message;
            try
            {
                var left = AnswerWithin - Stopwatch.GetElapsedTime(sent);
                if (left <= TimeSpan.Zero) throw new TimeoutException($"frame not answered within {AnswerWithin}: {Show(frame)}");
                message = await client.ReceiveAsync(left);
            }
            catch (ServerClosedException closed)
            {
                return closed.Status;
            }
            catch (WebSocketException reset) when (reset.WebSocketErrorCode == WebSocketError.ConnectionClosedPrematurely)
            {
                // Invalid UTF-8: ASP.NET Core sends 1007 and aborts; the reset may overtake the close frame.
                return WebSocketCloseStatus.InvalidPayloadData;
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"frame not answered within {AnswerWithin}: {Show(frame)}");
            }

            var type = message.GetProperty("type").GetString()!;
            Assert.Contains(type, KnownTypes);
            var text = message.GetRawText();
            Assert.False(text.Contains("System.", StringComparison.Ordinal) || text.Contains("Exception", StringComparison.Ordinal),
                $"an answer names a .NET type or exception: {text} (frame {Show(frame)})");
            if (type == "cancellation_response" && message.GetProperty("slot_id").GetInt32() == -424242)
            {
                // Every frame is answered but an unwatch, which has no answer (the parser says which frame is one).
                Assert.True(answers > 0 || request is UnwatchRequest, $"no answer to frame: {Show(frame)}");
                Assert.True(echoed, $"no answer carries request_id '{request.RequestId}' of frame: {Show(frame)}");
                return null;
            }
            answers++;
            if (message.TryGetProperty("request_id", out var requestId) && requestId.GetString() == request.RequestId) echoed = true;
            if (type is "booking_response" or "cancellation_response" && message.GetProperty("success").GetBoolean())
            {
                var slot = new BookedSlot(
                    new Board(
                        message.TryGetProperty("calendar", out var calendar) ? calendar.GetString()! : "default",
                        message.TryGetProperty("date", out var date) ? date.GetString() : null),
                    message.GetProperty("slot_id").GetInt32());
                Assert.True(Boards.Contains(slot.Board), $"a success on a board the model does not follow: {text} (frame {Show(frame)})");
                Assert.True(slot.Board.Date is null || Bookable.Contains(slot.Board.Date), $"a success outside the booking window: {text} (frame {Show(frame)})");
                if (type == "booking_response") Assert.True(booked.Add(slot), $"{slot} booked twice (frame {Show(frame)})");
                if (type == "booking_response") _successes[slot.Board.Calendar] = _successes.GetValueOrDefault(slot.Board.Calendar) + 1;
                else Assert.True(booked.Remove(slot), $"{slot} cancelled while free (frame {Show(frame)})");
            }
        }
    }

    private async Task<HashSet<BookedSlot>> BookedOnServerAsync()
    {
        var booked = new HashSet<BookedSlot>();
        foreach (var board in Boards)
        {
            var path = board.Date is null ? "/slots" : $"/calendars/{board.Calendar}/slots?date={board.Date}";
            foreach (var id in await BookedSlotsRead.OfAsync(Host.Http, path)) booked.Add(new BookedSlot(board, id));
        }
        return booked;
    }

    private static string[] Describe(HashSet<BookedSlot> booked) => booked.Select(b => b.ToString()).Order(StringComparer.Ordinal).ToArray();

    /// <summary>A frame as text when it is UTF-8 (shrunk counterexamples are read by people), else as base64.</summary>
    private static string Show(byte[] frame)
    {
        try
        {
            var text = new System.Text.UTF8Encoding(false, true).GetString(frame);
            return text.Length <= 400 ? text : text[..400] + "…";
        }
        catch (ArgumentException)
        {
            return "base64:" + Convert.ToBase64String(frame);
        }
    }

    /// <summary>Days from today in the lab's zone, as YYYY-MM-DD.</summary>
    private static string[] Days(params int[] fromToday)
    {
        var today = SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Berlin"]).Date;
        return fromToday.Select(i => LocalDatePattern.Iso.Format(today.PlusDays(i))).ToArray();
    }

    /// <summary>A frame as FsCheck shows a counterexample: its text.</summary>
    public sealed record ShownFrame(byte[] Bytes)
    {
        public override string ToString() => Show(Bytes);
    }

    private sealed record Board(string Calendar, string? Date);

    private sealed record BookedSlot(Board Board, int SlotId);
}
