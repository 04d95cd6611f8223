using Akka.Actor;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Broadcast;
using SlotBooking.Actors.Owners;

namespace SlotBooking.Actors.Sessions;

/// <summary>
/// The one sender to a session's sink. The session actor puts answers in; the broadcaster offers broadcasts directly,
/// from its own thread, so a broadcast to N clients costs no actor message per client, and an owner's read model
/// offers <c>my_bookings</c> frames the same way. Whoever finds the sink idle sends; a send that completes at once
/// (room in the socket's buffers, the usual case) is followed by the next on the same thread, and one that must wait
/// continues when it completes. At most one send or close is in flight.
/// Reports back to its session only what it must act on: a pending or failed send, being flushed while draining, being closed.
/// </summary>
public sealed class SessionOutbox : IBroadcastSubscriber, IMyBookingsSubscriber
{
    private readonly object _gate = new();
    private readonly OutboundQueue _queue = new();
    private readonly ISessionSink _sink;
    private readonly TimeProvider _clock;
    private readonly IActorRef _session;

    private bool _sending;
    private long _sendStartedAt;
    private SessionClose? _close;
    private bool _reportWhenFlushed;
    private bool _detached;

    public SessionOutbox(ISessionSink sink, TimeProvider clock, IActorRef session)
    {
        _sink = sink;
        _clock = clock;
        _session = session;
    }

    /// <summary>Answers owed to the client: unanswered requests and unsent answers.</summary>
    public int AnswersOwed
    {
        get { lock (_gate) return _queue.AnswersOwed; }
    }

    /// <summary>Requests sent on whose answer has not come.</summary>
    public int Unanswered
    {
        get { lock (_gate) return _queue.Unanswered; }
    }

    /// <summary>Nothing owed, nothing unsent, no send in flight.</summary>
    public bool IsFlushed
    {
        get { lock (_gate) return !_sending && _queue.IsEmpty; }
    }

    /// <summary>How long the send in flight has been pending; zero when none is.</summary>
    public TimeSpan PendingSendTime
    {
        get { lock (_gate) return _sending ? _clock.GetElapsedTime(_sendStartedAt) : TimeSpan.Zero; }
    }

    public void Expect(PendingRequest request)
    {
        lock (_gate) _queue.Expect(request);
    }

    public bool TryGetPending(long correlationId, out PendingRequest request)
    {
        lock (_gate) return _queue.TryGetPending(correlationId, out request);
    }

    public void AddAnswer(ReadOnlyMemory<byte> bytes)
    {
        lock (_gate) _queue.AddAnswer(bytes);
        Pump();
    }

    /// <inheritdoc cref="OutboundQueue.TryAnswer"/>
    public bool TryAnswer(long correlationId, ReadOnlyMemory<byte> bytes, ShownView shows)
    {
        lock (_gate)
        {
            if (!_queue.TryAnswer(correlationId, bytes, shows)) return false;
        }
        Pump();
        return true;
    }

    public void AnswerOverdue(long sentBefore, Func<PendingRequest, ReadOnlyMemory<byte>> render)
    {
        lock (_gate) _queue.AnswerOverdue(sentBefore, render);
        Pump();
    }

    /// <summary>Forgets a board the client no longer watches (see <see cref="OutboundQueue.ForgetBoard"/>).</summary>
    public void ForgetBoard(BoardKey board)
    {
        lock (_gate) _queue.ForgetBoard(board);
    }

    /// <summary>Called by the broadcaster on its own thread.</summary>
    public void Offer(SlotsUpdatePayload update)
    {
        lock (_gate)
        {
            if (_close is not null || _detached) return;
            _queue.OfferBroadcast(update);
        }
        Pump();
    }

    /// <summary>Called by the owner's read model on its own thread: the newest <c>my_bookings</c> frame replaces an unsent one.</summary>
    public void OfferMyBookings(MyBookingsPayload payload)
    {
        lock (_gate)
        {
            if (_close is not null || _detached) return;
            _queue.OfferMyBookings(payload);
        }
        Pump();
    }

    /// <summary>The connection's identity has expired: no <c>my_bookings</c> frame is sent from now on, not even one already offered.</summary>
    public void EndMyBookings()
    {
        lock (_gate) _queue.EndMyBookings();
    }

    /// <summary>Tells the session (<see cref="OutboxFlushed"/>) once nothing is owed or unsent, at once if that is so now.</summary>
    public void ReportWhenFlushed()
    {
        lock (_gate) _reportWhenFlushed = true;
        Pump();
    }

    /// <summary>Drops what is unsent and sends the close frame once the send in flight (if any) is done; then reports <see cref="OutboxClosed"/>.</summary>
    public void Close(SessionClose close)
    {
        lock (_gate)
        {
            if (_close is not null) return;
            _close = close;
            _queue.Clear();
        }
        Pump();
    }

    public void Abort() => _sink.Abort();

    /// <summary>
    /// The session has stopped: nothing more goes to the sink. A broadcast offered before the broadcaster has taken
    /// the session's <c>Unsubscribe</c> is dropped here instead of meeting a disposed socket.
    /// </summary>
    public void Detach()
    {
        lock (_gate)
        {
            _detached = true;
            _queue.Clear();
        }
    }

    private void Pump()
    {
        while (true)
        {
            ReadOnlyMemory<byte> frame = default;
            SessionClose? close = null;
            var haveFrame = false;
            var flushed = false;
            lock (_gate)
            {
                if (_sending || _detached) return;
                if (_close is not null)
                {
                    _sending = true;
                    close = _close;
                }
                else if (_queue.TryTake(out frame))
                {
                    haveFrame = _sending = true;
                    _sendStartedAt = _clock.GetTimestamp();
                }
                else
                {
                    flushed = _reportWhenFlushed && _queue.IsEmpty;
                    if (flushed) _reportWhenFlushed = false;
                }
            }
            if (close is not null)
            {
                SendClose(close);
                return;
            }
            if (!haveFrame)
            {
                if (flushed) _session.Tell(OutboxFlushed.Instance);
                return;
            }
            if (!TrySendAtOnce(frame)) return;
            lock (_gate) _sending = false;
        }
    }

    /// <summary>Starts a send; true if it completed at once, so the caller goes on with the next frame.</summary>
    private bool TrySendAtOnce(ReadOnlyMemory<byte> frame)
    {
        ValueTask send;
        try
        {
            send = _sink.SendAsync(frame);
        }
        catch (Exception ex)
        {
            _session.Tell(new SendFailed(ex));
            return false;
        }
        if (send.IsCompletedSuccessfully) return true;
        // The session watches a pending send, to drop a client that stopped reading.
        _session.Tell(SendPending.Instance);
        _ = CompleteSendAsync(send);
        return false;
    }

    /// <summary>The slow path: a client that reads slowly, or a failed send.</summary>
    private async Task CompleteSendAsync(ValueTask send)
    {
        try
        {
            await send.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The sink stays marked busy: nothing more is sent to a broken connection.
            _session.Tell(new SendFailed(ex));
            return;
        }
        lock (_gate) _sending = false;
        Pump();
    }

    private void SendClose(SessionClose close)
    {
        _sink.CloseAsync(close).ContinueWith(
            static (_, session) => ((IActorRef)session!).Tell(OutboxClosed.Instance),
            _session,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}

/// <summary>A send did not complete at once: the client is slow, or has stopped reading.</summary>
public sealed record SendPending
{
    public static SendPending Instance { get; } = new();
    private SendPending() { }
}

/// <summary>A send to the client failed: the connection is gone.</summary>
public sealed record SendFailed(Exception Cause);

/// <summary>Everything owed has been sent (asked for with <see cref="SessionOutbox.ReportWhenFlushed"/>).</summary>
public sealed record OutboxFlushed
{
    public static OutboxFlushed Instance { get; } = new();
    private OutboxFlushed() { }
}

/// <summary>The close frame has been sent, or could not be.</summary>
public sealed record OutboxClosed
{
    public static OutboxClosed Instance { get; } = new();
    private OutboxClosed() { }
}
