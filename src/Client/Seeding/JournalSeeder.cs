using System.Diagnostics;
using System.Net.WebSockets;
using SlotBooking.Client.Connections;
using SlotBooking.Client.Stats;
using SlotBooking.WireClient.Connections;
using SlotBooking.WireClient.Frames;
using SlotBooking.WireClient.Requests;

namespace SlotBooking.Client.Seeding;

/// <summary>
/// Fills the server's journal through its own protocol (so every row is one the server wrote and can read):
/// per slot, a pipelined stream of alternating book/cancel requests from a single connection. The slot actor
/// decides them in order, so none is refused unless another client touches the same slot.
/// </summary>
public static class JournalSeeder
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    public static async Task<SeedResult> RunAsync(SeedOptions options, Action<string>? onProgress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Events, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Window, 1);
        using var connector = new Connector(options.Address);
        var probe = await ConnectionPool.OpenOneAsync(connector, ConnectTimeout, cancellationToken);
        await probe.Socket.DisposeAsync();
        var slots = options.Slots ?? ServerSlotRange.Of(probe.InitialState);

        var tally = new SeedTally();
        var started = Stopwatch.GetTimestamp();
        using var stopProgress = new CancellationTokenSource();
        var progress = ReportAsync(tally, options.Events, started, onProgress, stopProgress.Token);
        var streams = Enumerable.Range(0, slots.Count).Select(i =>
        {
            var quota = options.Events / slots.Count + (i < options.Events % slots.Count ? 1 : 0);
            return Task.Run(() => SeedSlotAsync(connector, slots.At(i), quota, options, tally, cancellationToken), CancellationToken.None);
        });
        await Task.WhenAll(streams);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        stopProgress.Cancel();
        await progress;

        return new SeedResult(options.Events, tally.Successes, tally.Refusals, tally.Errors.Count, Math.Round(elapsed, 2),
            Math.Round(tally.Successes / elapsed, 1), tally.Errors.First);
    }

    private static async Task SeedSlotAsync(Connector connector, int slotId, long quota, SeedOptions options, SeedTally tally, CancellationToken cancellationToken)
    {
        if (quota == 0) return;
        OpenedConnection connection;
        try
        {
            connection = await ConnectionPool.OpenOneAsync(connector, ConnectTimeout, cancellationToken);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ServerClosedException or HttpRequestException)
        {
            tally.Error($"slot {slotId}: connect failed: {ex.Message}");
            return;
        }
        await using var socket = connection.Socket;
        var booked = BookedSlotsReader.IsBooked(connection.InitialState, slotId) ?? false;
        var book = RequestEncoder.For(SlotOperation.Book, slotId);
        var cancel = RequestEncoder.For(SlotOperation.Cancel, slotId);
        using var inFlight = new SemaphoreSlim(options.Window);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var sender = Task.Run(async () =>
        {
            for (long n = 0; n < quota; n++)
            {
                await inFlight.WaitAsync(deadline.Token);
                // Alternate starting from the slot's current state, so each request is valid after the previous one.
                var bookNow = booked ? n % 2 == 1 : n % 2 == 0;
                await socket.SendAsync(bookNow ? book : cancel, deadline.Token);
            }
        }, CancellationToken.None);

        try
        {
            for (long answered = 0; answered < quota;)
            {
                deadline.CancelAfter(options.ResponseTimeout);
                var frame = ServerFrameReader.Read((await socket.ReceiveAsync(deadline.Token)).Span);
                if (!frame.IsAnswer) continue;
                answered++;
                inFlight.Release();
                if (frame.Kind == ServerFrameKind.Error) tally.Error($"slot {slotId}: error message: {frame.Message}");
                else if (frame.Success) tally.Success();
                else tally.Refusal();
            }
            await sender;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ServerClosedException or IOException)
        {
            deadline.Cancel();
            tally.Error($"slot {slotId}: {ex.Message}");
            await sender.ContinueWith(_ => { }, TaskScheduler.Default); // observed: it fails once the deadline is cancelled
        }
    }

    private static async Task ReportAsync(SeedTally tally, long target, long started, Action<string>? onProgress, CancellationToken stop)
    {
        if (onProgress is null) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var last = 0L;
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var now = tally.Successes;
                onProgress($"{Stopwatch.GetElapsedTime(started).TotalSeconds,5:0}s  events {now:N0}/{target:N0}  {now - last:N0}/s  refusals {tally.Refusals:N0}  errors {tally.Errors.Count}");
                last = now;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private sealed class SeedTally
    {
        private long _successes;
        private long _refusals;

        public long Successes => Interlocked.Read(ref _successes);
        public long Refusals => Interlocked.Read(ref _refusals);
        public ErrorSamples Errors { get; } = new();

        public void Success() => Interlocked.Increment(ref _successes);
        public void Refusal() => Interlocked.Increment(ref _refusals);
        public void Error(string what) => Errors.Add(what);
    }
}
