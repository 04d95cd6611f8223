using System.Diagnostics;
using System.Net.WebSockets;
using Akka.Actor;
using Akka.Event;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Broadcast;
using SlotBooking.Actors.Domain;
using SlotBooking.Protocol;

namespace SlotBooking.Actors.Sessions;

/// <summary>
/// One per WebSocket connection, and the only writer to its socket. Parses client frames, sends commands to
/// the slots, and answers every request in the order it arrived; at most one send is in flight. Broadcast
/// <c>slots_update</c>s go between answers, and an unsent one is replaced by a newer one, so a slow reader
/// skips to the newest state instead of piling up old ones. A client that stops reading is dropped; a command
/// its slot never answers is answered "not confirmed".
/// </summary>
public sealed class SessionActor : ReceiveActor, IWithTimers
{
    private readonly WebSocket _socket;
    private readonly IActorRef _slots;
    private readonly IActorRef _board;
    private readonly IActorRef _broadcaster;
    private readonly SessionSettings _settings;
    private readonly TaskCompletionSource _stopped;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    private readonly OrderedReplies _replies = new();
    // Frames ready to send, in order; a broadcast entry marks where the newest broadcast slots_update goes.
    private readonly Queue<OutboundFrame> _outbound = new();
    // The newest board version the client has been sent: an older broadcast is never sent after it.
    private long _sentVersion;
    private ReadOnlyMemory<byte> _newestUpdate;
    private long _newestUpdateVersion;
    private bool _updateQueued;
    private int _queuedResponses;
    private bool _sending;
    private long _sendStartedAt;
    private bool _draining;
    private CloseSession? _closing;

    public SessionActor(WebSocket socket, IActorRef slots, IActorRef board, IActorRef broadcaster, SessionSettings settings, TaskCompletionSource stopped)
    {
        _socket = socket;
        _slots = slots;
        _board = board;
        _broadcaster = broadcaster;
        _settings = settings;
        _stopped = stopped;

        Receive<InboundFrame>(OnInboundFrame);
        Receive<FrameRateLimited>(m => AnswerAtOnce(new ErrorMessage(m.Reason)));
        Receive<SlotCommandResult>(OnCommandResult);
        Receive<SlotsUpdatePayload>(OnSlotsUpdate);
        Receive<BoardView>(OnBoardView);
        Receive<SendCompleted>(_ =>
        {
            _sending = false;
            SendNext();
        });
        Receive<SendFailed>(f =>
        {
            _log.Debug("Send failed, ending session: {0}", f.Cause.Message);
            Context.Stop(Self);
        });
        Receive<Watch>(_ => OnWatch());
        Receive<ClientClosed>(_ => BeginClose(new CloseSession(WebSocketCloseStatus.NormalClosure, "")));
        Receive<CloseSession>(BeginClose);
        Receive<DrainSession>(_ => BeginDrain());
        Receive<DrainTimedOut>(_ => BeginClose(ShutdownClose));
        Receive<ConnectionLost>(_ => Context.Stop(Self));
        Receive<CloseCompleted>(_ => Context.Stop(Self));
    }

    /// <param name="stopped">Completed when the session has stopped; the socket's request waits on it before returning.</param>
    public static Props Props(WebSocket socket, IActorRef slots, IActorRef board, IActorRef broadcaster, SessionSettings settings, TaskCompletionSource stopped) =>
        Akka.Actor.Props.Create(() => new SessionActor(socket, slots, board, broadcaster, settings, stopped));

    public ITimerScheduler Timers { get; set; } = null!;

    private static CloseSession ShutdownClose { get; } = new(WebSocketCloseStatus.EndpointUnavailable, "server is shutting down");

    private static readonly ErrorMessage ShuttingDown = new("The server is shutting down; this request was not processed. Reconnect shortly.");

    protected override void PreStart() => _broadcaster.Tell(new RegisterSession(Self));

    protected override void PostStop() => _stopped.TrySetResult();

    private void OnInboundFrame(InboundFrame frame)
    {
        if (_draining)
        {
            AnswerAtOnce(ShuttingDown);
            return;
        }
        if (!CanTakeRequest()) return;
        switch (ClientRequestParser.Parse(frame.Utf8.Span))
        {
            case BookSlotRequest r:
                SendCommand(new BookSlot(r.SlotId));
                break;
            case CancelSlotRequest r:
                SendCommand(new CancelSlot(r.SlotId));
                break;
            case GetSlotsRequest:
                // The board, not the last broadcast: it is told of a change before the client is, so the answer
                // includes every change this client has been told of (broadcasts are paced and may lag).
                _replies.AddSlotsRequest();
                _board.Tell(GetBoard.Instance);
                break;
            case InvalidRequest r:
                _replies.AddReady(Render(new ErrorMessage(r.Message)));
                break;
        }
        SendReadyReplies();
    }

    /// <summary>A request answered without asking anyone (an error), in its place among the client's answers.</summary>
    private void AnswerAtOnce(ServerMessage answer)
    {
        if (!CanTakeRequest()) return;
        _replies.AddReady(Render(answer));
        SendReadyReplies();
    }

    /// <summary>False when the session is closing, or when the client already has too many unanswered or unsent requests (it is then closed: it does not read).</summary>
    private bool CanTakeRequest()
    {
        if (_closing is not null) return false;
        if (_replies.Count + _queuedResponses < _settings.MaxQueuedResponses) return true;
        BeginClose(new CloseSession(WebSocketCloseStatus.PolicyViolation, "client is not reading its messages"));
        return false;
    }

    private void SendCommand(ISlotCommand command)
    {
        _replies.AddCommand(command, Stopwatch.GetTimestamp());
        _slots.Tell(command);
        StartWatching();
    }

    private void OnCommandResult(SlotCommandResult result)
    {
        // An answer for a command already reported as not confirmed is dropped; the slots_update tells the outcome.
        if (!_replies.FillCommand(result, () => Render(ResponseTo(result.Kind, result.Success, result.Message, result.SlotId)))) return;
        SendReadyReplies();
    }

    private static ServerMessage ResponseTo(SlotCommandKind kind, bool success, string message, int slotId) =>
        kind == SlotCommandKind.Book
            ? new BookingResponse(success, message, slotId)
            : new CancellationResponse(success, message, slotId);

    private static ReadOnlyMemory<byte> Render(ServerMessage message) => ServerMessageSerializer.ToUtf8(message);

    private void OnSlotsUpdate(SlotsUpdatePayload update)
    {
        if (_closing is not null || update.Version <= _newestUpdateVersion) return;
        _newestUpdate = update.Utf8;
        _newestUpdateVersion = update.Version;
        if (!_updateQueued)
        {
            _outbound.Enqueue(OutboundFrame.Broadcast);
            _updateQueued = true;
        }
        SendReadyReplies();
    }

    private void OnBoardView(BoardView view)
    {
        var answer = view.IsReady
            ? Render(new SlotsUpdateMessage(SlotsDataFactory.From(view.Slots), DateTimeOffset.UtcNow))
            : Render(new ErrorMessage("The slots are still being loaded from storage; ask again shortly."));
        _replies.FillOldestSlotsRequest(answer, view.Version);
        SendReadyReplies();
    }

    private void SendReadyReplies()
    {
        foreach (var (bytes, version) in _replies.TakeReady())
        {
            _outbound.Enqueue(new OutboundFrame(bytes, version, IsBroadcast: false));
            _queuedResponses++;
        }
        SendNext();
    }

    /// <summary>
    /// Sends queued frames one at a time. A send that completes at once (room in the socket's buffers, the usual
    /// case) is followed by the next without a round trip through the mailbox; one that must wait reports back.
    /// </summary>
    private void SendNext()
    {
        while (!_sending)
        {
            if (_closing is not null)
            {
                SendClose(_closing);
                return;
            }
            if (!_outbound.TryDequeue(out var next))
            {
                CloseIfDrained();
                return;
            }

            ReadOnlyMemory<byte> bytes;
            if (next.IsBroadcast)
            {
                _updateQueued = false;
                // The client already has a newer state (from an answer that came through the board): skip this one;
                // the broadcast of that newer state is on its way.
                if (_newestUpdateVersion < _sentVersion) continue;
                bytes = _newestUpdate;
                _sentVersion = _newestUpdateVersion;
            }
            else
            {
                bytes = next.Bytes;
                _queuedResponses--;
                _sentVersion = Math.Max(_sentVersion, next.BoardVersion);
            }

            var send = _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            if (send.IsCompleted)
            {
                if (!CompletedSendSucceeded(send)) return;
                continue;
            }
            _sending = true;
            _sendStartedAt = Stopwatch.GetTimestamp();
            StartWatching();
            send.AsTask().PipeTo(Self, success: () => SendCompleted.Instance, failure: ex => new SendFailed(ex));
        }
    }

    private bool CompletedSendSucceeded(ValueTask send)
    {
        try
        {
            send.GetAwaiter().GetResult();
            return true;
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            _log.Debug("Send failed, ending session: {0}", ex.Message);
            Context.Stop(Self);
            return false;
        }
    }

    /// <summary>A periodic check runs only while a send or a command is outstanding, so idle sessions cost no timer.</summary>
    private void StartWatching()
    {
        if (!Timers.IsTimerActive(Watch.Instance))
            Timers.StartPeriodicTimer(Watch.Instance, Watch.Instance, _settings.WatchInterval);
    }

    private void OnWatch()
    {
        if (_sending && Stopwatch.GetElapsedTime(_sendStartedAt) > _settings.StallTimeout)
        {
            // A client that does not read cannot receive a close frame either: drop the connection.
            _log.Info("Client stopped reading for {0}; dropping the connection", _settings.StallTimeout);
            _socket.Abort();
            Context.Stop(Self);
            return;
        }

        var overdueBefore = Stopwatch.GetTimestamp() - (long)(_settings.CommandTimeout.TotalSeconds * Stopwatch.Frequency);
        _replies.FillOverdue(overdueBefore, (slotId, kind) => Render(ResponseTo(kind, false, SlotMessages.NotConfirmed(slotId, kind, _settings.CommandTimeout), slotId)));
        SendReadyReplies();

        if (!_sending && _replies.CommandsInFlight == 0) Timers.Cancel(Watch.Instance);
    }

    private void BeginDrain()
    {
        if (_draining || _closing is not null) return;
        _draining = true;
        Timers.StartSingleTimer(DrainTimedOut.Instance, DrainTimedOut.Instance, _settings.DrainTimeout);
        CloseIfDrained();
    }

    /// <summary>While draining: once every request is answered and every answer sent, close with 1001.</summary>
    private void CloseIfDrained()
    {
        if (_draining && _closing is null && _replies.Count == 0 && _queuedResponses == 0 && !_sending)
            BeginClose(ShutdownClose);
    }

    private void BeginClose(CloseSession close)
    {
        if (_closing is not null) return;
        _closing = close;
        _outbound.Clear();
        _queuedResponses = 0;
        if (!_sending) SendClose(close);
    }

    private void SendClose(CloseSession close)
    {
        _sending = true;
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            Context.Stop(Self);
            return;
        }
        _socket.CloseOutputAsync(close.Status, close.Reason, CancellationToken.None)
            .PipeTo(Self, success: () => CloseCompleted.Instance, failure: _ => CloseCompleted.Instance);
    }

    /// <summary>A frame to send: an answer (with the board version it shows, 0 for none), or the place of the newest broadcast.</summary>
    private readonly record struct OutboundFrame(ReadOnlyMemory<byte> Bytes, long BoardVersion, bool IsBroadcast)
    {
        public static OutboundFrame Broadcast => new(default, 0, true);
    }

    private sealed record SendCompleted
    {
        public static SendCompleted Instance { get; } = new();
    }

    private sealed record SendFailed(Exception Cause);

    private sealed record CloseCompleted
    {
        public static CloseCompleted Instance { get; } = new();
    }

    private sealed record Watch
    {
        public static Watch Instance { get; } = new();
    }

    private sealed record DrainTimedOut
    {
        public static DrainTimedOut Instance { get; } = new();
    }
}
