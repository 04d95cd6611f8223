using System.Diagnostics;
using SlotBooking.Client.Connections;
using SlotBooking.Client.Diagnostics;
using SlotBooking.Client.Stats;
using SlotBooking.WireClient.Connections;
using SlotBooking.WireClient.Frames;
using SlotBooking.WireClient.Requests;

namespace SlotBooking.Client.Fanout;

/// <summary>
/// The fan-out engine: connects the listeners, then has one writer toggle a slot <c>Changes</c> times, one
/// change at a time, each only after every listener has seen the previous one. Writes nothing to the console.
/// </summary>
public static class FanoutRunner
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ListenerShutdown = TimeSpan.FromSeconds(30);

    public static async Task<FanoutResult> RunAsync(FanoutOptions options, Action<string>? onProgress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Listeners, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Changes, 1);

        using var connector = new Connector(options.Address);
        var step = Math.Max(1, options.Listeners / 10);
        var connections = await ConnectionPool.OpenAsync(
            connector, options.Listeners, options.ConnectParallelism, ConnectTimeout,
            n => { if (n % step == 0) onProgress?.Invoke($"connected {n:N0}/{options.Listeners:N0} listeners"); },
            cancellationToken);
        var errors = connections.Failures.Select(f => $"connect failed: {f}").ToList();
        OpenedConnection? writer = null;
        using var stopListeners = new CancellationTokenSource();
        var listenerTasks = new List<Task<string?>>();
        try
        {
            if (connections.Opened.Count == 0)
                throw new InvalidOperationException($"No listener could connect to {options.Address}: {connections.Failures.FirstOrDefault()}");
            writer = await ConnectionPool.OpenOneAsync(connector, ConnectTimeout, cancellationToken);
            var slotId = options.SlotId ?? ServerSlotRange.Of(writer.InitialState, "--slot").First;
            var booked = BookedSlotsReader.IsBooked(writer.InitialState, slotId)
                ?? throw new InvalidOperationException("The server's first message did not list the booked slots");

            var current = new CurrentRound();
            listenerTasks.AddRange(connections.Opened.Select(c =>
                Task.Run(() => new FanoutListener(c.Socket, slotId, current).RunAsync(stopListeners.Token), CancellationToken.None)));

            var measured = await MakeChangesAsync(options, writer.Socket, slotId, booked, connections.Opened.Count, current, errors, onProgress, cancellationToken);
            errors.AddRange(await StopListenersAsync(connections.Opened, listenerTasks, current, stopListeners));
            return new FanoutResult(
                options.Listeners,
                connections.Opened.Count,
                Math.Round(connections.Elapsed.TotalSeconds, 2),
                slotId,
                options.Changes,
                measured.Completed,
                measured.TimedOut,
                errors.Count,
                measured.All.Summarize(),
                measured.First.Summarize(),
                measured.Ack.Summarize(),
                measured.Cpu.ClientPercent,
                measured.Cpu.ServerPercent,
                measured.FrameCpu.MicrosecondsPerFrame(connections.Opened.Count, measured.Completed),
                errors.Take(ErrorSamples.Kept).ToArray());
        }
        finally
        {
            stopListeners.Cancel();
            if (writer is not null) await writer.Socket.DisposeAsync();
            await ConnectionPool.CloseAllAsync(connections.Opened.Select(c => c.Socket));
        }
    }

    private static async Task<MeasuredChanges> MakeChangesAsync(
        FanoutOptions options, WireSocket writer, int slotId, bool booked, int listeners, CurrentRound current,
        List<string> errors, Action<string>? onProgress, CancellationToken cancellationToken)
    {
        var measured = new MeasuredChanges(new CpuMeter(options.ServerProcessId), new FrameCpuMeter(options.ServerProcessId));
        measured.Cpu.Start();
        measured.FrameCpu.Start();
        for (var number = 1; number <= options.Changes; number++)
        {
            var operation = booked ? SlotOperation.Cancel : SlotOperation.Book;
            var round = new ChangeRound(number, expectBooked: !booked, listeners);
            current.Begin(round);
            var sentAt = Stopwatch.GetTimestamp();
            await writer.SendAsync(RequestEncoder.For(operation, slotId), cancellationToken);
            var answer = await WriterAnswerAsync(writer, options.ChangeTimeout, cancellationToken);
            var ackAt = Stopwatch.GetTimestamp();
            if (answer is null)
            {
                errors.Add($"change {number} ({operation} slot {slotId}): no answer within {options.ChangeTimeout.TotalSeconds:0} s");
                break;
            }
            if (answer.Value.Kind == ServerFrameKind.Error || !answer.Value.Success)
            {
                errors.Add($"change {number} ({operation} slot {slotId}) was not accepted: {answer.Value.Message}; is another client using this slot?");
                break;
            }
            booked = !booked;
            measured.Ack.Record(Stopwatch.GetElapsedTime(sentAt, ackAt));

            var allSeenAt = await WithTimeout(round.AllSeen, options.ChangeTimeout, cancellationToken);
            if (allSeenAt is null)
            {
                measured.TimedOut++;
                errors.Add($"change {number}: {round.Remaining:N0} of {listeners:N0} listeners had not seen it after {options.ChangeTimeout.TotalSeconds:0} s");
                break;
            }
            measured.FrameCpu.ChangeCompleted();
            measured.Completed++;
            measured.All.Record(Stopwatch.GetElapsedTime(sentAt, allSeenAt.Value));
            measured.First.Record(Stopwatch.GetElapsedTime(sentAt, round.FirstSeenAt));
            onProgress?.Invoke($"change {number}/{options.Changes}: ack {Stopwatch.GetElapsedTime(sentAt, ackAt).TotalMilliseconds:0.0} ms, " +
                               $"all {listeners:N0} listeners {Stopwatch.GetElapsedTime(sentAt, allSeenAt.Value).TotalMilliseconds:0.0} ms");
        }
        measured.Cpu.Stop();
        return measured;
    }

    /// <summary>The writer's answer to its change, or null after the timeout; the broadcasts it receives meanwhile are skipped.</summary>
    private static async Task<ServerFrame?> WriterAnswerAsync(WireSocket writer, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var frame = ServerFrameReader.Read((await writer.ReceiveAsync(deadline.Token)).Span);
                if (frame.IsAnswer) return frame;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static async Task<long?> WithTimeout(Task<long> task, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>Each listener sends its close frame; its reader ends when the server answers it.</summary>
    /// <returns>Why listeners ended before they were asked to, one line each.</returns>
    private static async Task<IEnumerable<string>> StopListenersAsync(
        IReadOnlyList<OpenedConnection> listeners, List<Task<string?>> tasks, CurrentRound current, CancellationTokenSource stop)
    {
        current.Stop();
        await Parallel.ForEachAsync(listeners, new ParallelOptions { MaxDegreeOfParallelism = 256 }, async (c, _) => await c.Socket.CloseOutputAsync());
        var all = Task.WhenAll(tasks);
        if (await Task.WhenAny(all, Task.Delay(ListenerShutdown)) != all) stop.Cancel();
        var ended = await all;
        return ended.OfType<string>().Select(reason => $"listener lost: {reason}");
    }

    private sealed class MeasuredChanges(CpuMeter cpu, FrameCpuMeter frameCpu)
    {
        public LatencyHistogram All { get; } = new();
        public LatencyHistogram First { get; } = new();
        public LatencyHistogram Ack { get; } = new();
        public CpuMeter Cpu { get; } = cpu;
        public FrameCpuMeter FrameCpu { get; } = frameCpu;
        public int Completed { get; set; }
        public int TimedOut { get; set; }
    }
}
