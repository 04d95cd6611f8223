using System.Diagnostics;
using SlotBooking.Client.Connections;
using SlotBooking.Client.Diagnostics;
using SlotBooking.Protocol;
using SlotBooking.WireClient.Connections;
using SlotBooking.WireClient.Frames;
using SlotBooking.WireClient.Requests;

namespace SlotBooking.Client.Load;

/// <summary>
/// The load engine, usable as a library: connects the clients, runs them closed-loop through warm-up and
/// the measured window, reports progress once a second, and returns what was measured. Writes nothing
/// to the console itself.
/// </summary>
public static class LoadRunner
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    public static async Task<LoadResult> RunAsync(LoadOptions options, Action<LoadProgress>? onProgress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Clients, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Duration, TimeSpan.Zero);

        using var connector = new Connector(options.Address);
        var connectStarted = Stopwatch.GetTimestamp();
        var connections = await ConnectionPool.OpenAsync(
            connector, options.Clients, options.ConnectParallelism, ConnectTimeout,
            n => { if (n % Math.Max(1, options.Clients / 10) == 0) onProgress?.Invoke(Connecting(connectStarted, n)); },
            cancellationToken, options.TokenFor);
        try
        {
            if (connections.Opened.Count == 0)
                throw new InvalidOperationException($"No client could connect to {options.Address}: {connections.Failures.FirstOrDefault()}");

            var slots = options.Slots ?? ServerSlotRange.Of(connections.Opened[0].InitialState);
            var frames = new RequestFrames(slots, options.Days);
            var window = MeasurementWindow.StartingIn(options.Warmup, options.Duration);
            var counters = new LoadCounters(window);
            counters.ConnectFailures(connections.Failures);

            var cpu = new CpuMeter(options.ServerProcessId);
            using var stopProgress = new CancellationTokenSource();
            var progress = ReportProgressAsync(counters, connections.Opened.Count, cpu, onProgress, stopProgress.Token);

            var workers = connections.Opened.Select((connection, i) =>
            {
                var random = options.Seed is { } seed ? new Random(seed + i) : new Random();
                var worker = new LoadWorker(connection.Socket, frames, random, counters, options.ResponseTimeout);
                return Task.Run(() => worker.RunAsync(cancellationToken), CancellationToken.None);
            });
            await Task.WhenAll(workers);
            stopProgress.Cancel();
            await progress;

            return Summarize(options, connections.Opened.Count, slots, counters, cpu);
        }
        finally
        {
            await ConnectionPool.CloseAllAsync(connections.Opened.Select(c => c.Socket));
        }
    }

    private static LoadResult Summarize(LoadOptions options, int connected, SlotRange slots, LoadCounters counters, CpuMeter cpu)
    {
        var seconds = counters.Window.Length.TotalSeconds;
        var errors = counters.Breakdown();
        return new LoadResult(
            options.Clients,
            connected,
            slots.ToString(),
            Math.Round(seconds, 3),
            counters.Ops,
            Math.Round(counters.Ops / seconds, 1),
            counters.Successes,
            Math.Round(counters.Successes / seconds, 1),
            counters.Refusals,
            errors.Total,
            errors,
            counters.Latency.Summarize(),
            counters.SlotsUpdates,
            cpu.ClientPercent,
            cpu.ServerPercent,
            counters.ErrorSamples);
    }

    private static LoadProgress Connecting(long since, int connected) =>
        new("connecting", Stopwatch.GetElapsedTime(since), 0, 0, 0, 0, connected, 0);

    /// <summary>Ticks once a second until stopped; marks the CPU meter at the window's edges.</summary>
    private static async Task ReportProgressAsync(LoadCounters counters, int connected, CpuMeter cpu, Action<LoadProgress>? onProgress, CancellationToken stop)
    {
        var window = counters.Window;
        var started = Stopwatch.GetTimestamp();
        var lastOps = 0L;
        var lastTick = started;
        var windowOpen = false;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var now = Stopwatch.GetTimestamp();
                if (!windowOpen && window.Contains(now))
                {
                    windowOpen = true;
                    cpu.Start();
                }
                if (windowOpen && window.HasEnded(now) && !cpu.Stopped) cpu.Stop();
                if (Stopwatch.GetElapsedTime(lastTick, now) < ProgressInterval) continue;

                var ops = counters.Ops;
                var interval = Stopwatch.GetElapsedTime(lastTick, now).TotalSeconds;
                var phase = now < window.Start ? "warm-up" : window.HasEnded(now) ? "draining" : "measuring";
                onProgress?.Invoke(new LoadProgress(
                    phase, Stopwatch.GetElapsedTime(started, now), (ops - lastOps) / interval, ops,
                    counters.Refusals, counters.Errors, connected, counters.Latency.PercentileMicroseconds(99) / 1000.0));
                lastOps = ops;
                lastTick = now;
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped by the runner once every worker has finished.
        }
        if (windowOpen && !cpu.Stopped) cpu.Stop();
    }
}
