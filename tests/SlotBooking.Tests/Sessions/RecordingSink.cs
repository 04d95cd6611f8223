using System.Text;
using System.Threading.Channels;
using SlotBooking.Actors.Sessions;

namespace SlotBooking.Tests.Sessions;

/// <summary>
/// A session's sink without a socket: records every frame, the close and an abort. <see cref="StallSends"/> makes
/// sends pend, as with a client that stopped reading, until <see cref="ReleaseSends"/>.
/// </summary>
public sealed class RecordingSink : ISessionSink
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly Channel<string> _sent = Channel.CreateUnbounded<string>();
    private readonly TaskCompletionSource<SessionClose> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _aborted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource? _stall;
    private int _sendsInFlight;

    public bool StallSends { get; set; }

    /// <summary>Checked on every send: the session must never have two sends in flight.</summary>
    public bool OverlappingSendSeen { get; private set; }

    public ValueTask SendAsync(ReadOnlyMemory<byte> utf8)
    {
        if (Interlocked.Increment(ref _sendsInFlight) > 1) OverlappingSendSeen = true;
        _sent.Writer.TryWrite(Encoding.UTF8.GetString(utf8.Span));
        if (!StallSends)
        {
            Interlocked.Decrement(ref _sendsInFlight);
            return ValueTask.CompletedTask;
        }
        _stall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return new ValueTask(_stall.Task.ContinueWith(_ => Interlocked.Decrement(ref _sendsInFlight), TaskScheduler.Default));
    }

    /// <summary>Completes the pending send; later sends complete at once.</summary>
    public void ReleaseSends()
    {
        StallSends = false;
        _stall?.TrySetResult();
    }

    public Task CloseAsync(SessionClose close)
    {
        _closed.TrySetResult(close);
        return Task.CompletedTask;
    }

    public void Abort() => _aborted.TrySetResult();

    /// <summary>The next frame sent, as text.</summary>
    public async Task<string> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        return await _sent.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>True if no frame is sent within <paramref name="wait"/>.</summary>
    public async Task<bool> NothingSentWithinAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            await _sent.Reader.WaitToReadAsync(timeout.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    public Task<SessionClose> Closed => _closed.Task.WaitAsync(Timeout);

    public Task Aborted => _aborted.Task.WaitAsync(Timeout);
}
