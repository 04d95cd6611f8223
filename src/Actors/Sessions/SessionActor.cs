using System.Diagnostics;
using System.Net.WebSockets;
using Akka.Actor;
using Akka.Event;
using SlotBooking.Actors.Broadcast;
using SlotBooking.Actors.Domain;
using SlotBooking.Protocol;

namespace SlotBooking.Actors.Sessions;

/// <summary>
/// One per WebSocket connection, and the only writer to its socket. Parses client frames, sends commands to
/// the slots and queues the answers; at most one send is in flight. An unsent <c>slots_update</c> is replaced
/// by a newer one, so a slow reader skips to the newest state instead of piling up old ones. A client that
/// stops reading is dropped; a command its slot never answers is answered "not confirmed".
/// </summary>
public sealed class SessionActor : ReceiveActor, IWithTimers
{
    private readonly WebSocket _socket;
    private readonly IActorRef _slots;
    private readonly IActorRef _broadcaster;
    private readonly SessionSettings _settings;
    private readonly TaskCompletionSource _stopped;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    // Outbound frames in order; a null entry marks where the newest slots_update goes.
    private readonly Queue<ReadOnlyMemory<byte>?> _outbound = new();
    private readonly PendingCommands _pending = new();
    private ReadOnlyMemory<byte> _newestUpdate;
    private long _newestUpdateVersion;
    private bool _updateQueued;
    private int _queuedResponses;
    private bool _sending;
    private long _sendStartedAt;
    private bool _draining;
    private CloseSession? _closing;

    public SessionActor(WebSocket socket, IActorRef slots, IActorRef broadcaster, SessionSettings settings, TaskCompletionSource stopped)
    {
        _socket = socket;
        _slots = slots;
        _broadcaster = broadcaster;
        _settings = settings;
        _stopped = stopped;

        Receive<InboundFrame>(OnInboundFrame);
        Receive<FrameRateLimited>(m => EnqueueResponse(new ErrorMessage(m.Reason)));
        Receive<SlotCommandResult>(OnCommandResult);
        Receive<SlotsUpdatePayload>(OnSlotsUpdate);
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
    public static Props Props(WebSocket socket, IActorRef slots, IActorRef broadcaster, SessionSettings settings, TaskCompletionSource stopped) =>
        Akka.Actor.Props.Create(() => new SessionActor(socket, slots, broadcaster, settings, stopped));

    public ITimerScheduler Timers { get; set; } = null!;

    private static CloseSession ShutdownClose { get; } = new(WebSocketCloseStatus.EndpointUnavailable, "server is shutting down");

    protected override void PreStart() => _broadcaster.Tell(new RegisterSession(Self));

    protected override void PostStop() => _stopped.TrySetResult();

    private void OnInboundFrame(InboundFrame frame)
    {
        if (_closing is not null) return;
        if (_draining)
        {
            EnqueueResponse(new ErrorMessage("The server is shutting down; this request was not processed. Reconnect shortly."));
            return;
        }
        switch (ClientRequestParser.Parse(frame.Utf8.Span))
        {
            case BookSlotRequest r:
                SendCommand(new BookSlot(r.SlotId));
                break;
            case CancelSlotRequest r:
                SendCommand(new CancelSlot(r.SlotId));
                break;
            case GetSlotsRequest:
                _broadcaster.Tell(GetLatestSlotsUpdate.Instance);
                break;
            case InvalidRequest r:
                EnqueueResponse(new ErrorMessage(r.Message));
                break;
        }
    }

    private void SendCommand(ISlotCommand command)
    {
        _pending.Add(command, Stopwatch.GetTimestamp());
        _slots.Tell(command);
        StartWatching();
    }

    private void OnCommandResult(SlotCommandResult result)
    {
        // An answer for a command already reported as not confirmed is dropped; the slots_update tells the outcome.
        if (!_pending.Settle(result)) return;
        EnqueueResponse(ResponseTo(result.Kind, result.Success, result.Message, result.SlotId));
        CloseIfDrained();
    }

    private static ServerMessage ResponseTo(SlotCommandKind kind, bool success, string message, int slotId) =>
        kind == SlotCommandKind.Book
            ? new BookingResponse(success, message, slotId)
            : new CancellationResponse(success, message, slotId);

    private void OnSlotsUpdate(SlotsUpdatePayload update)
    {
        if (_closing is not null) return;
        // Keep only the newest state; a get_slots answer may repeat a version already sent, which is what was asked.
        if (update.Version >= _newestUpdateVersion)
        {
            _newestUpdate = update.Utf8;
            _newestUpdateVersion = update.Version;
        }
        if (!_updateQueued)
        {
            _outbound.Enqueue(null);
            _updateQueued = true;
        }
        SendNext();
    }

    private void EnqueueResponse(ServerMessage message)
    {
        if (_closing is not null) return;
        if (_queuedResponses >= _settings.MaxQueuedResponses)
        {
            BeginClose(new CloseSession(WebSocketCloseStatus.PolicyViolation, "client is not reading its messages"));
            return;
        }
        _outbound.Enqueue(ServerMessageSerializer.ToUtf8(message));
        _queuedResponses++;
        SendNext();
    }

    private void SendNext()
    {
        if (_sending) return;
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
        if (next is { } response)
        {
            bytes = response;
            _queuedResponses--;
        }
        else
        {
            bytes = _newestUpdate;
            _updateQueued = false;
        }
        _sending = true;
        _sendStartedAt = Stopwatch.GetTimestamp();
        StartWatching();
        _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None)
            .AsTask()
            .PipeTo(Self, success: () => SendCompleted.Instance, failure: ex => new SendFailed(ex));
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
            _log.Info("Client stopped reading for {0}; dropping the connection (1008)", _settings.StallTimeout);
            _socket.Abort();
            Context.Stop(Self);
            return;
        }

        var overdueBefore = Stopwatch.GetTimestamp() - (long)(_settings.CommandTimeout.TotalSeconds * Stopwatch.Frequency);
        foreach (var (slotId, kind) in _pending.TakeOverdue(overdueBefore))
            EnqueueResponse(ResponseTo(kind, false, SlotMessages.NotConfirmed(slotId, kind, _settings.CommandTimeout), slotId));
        CloseIfDrained();

        if (!_sending && _pending.Count == 0) Timers.Cancel(Watch.Instance);
    }

    private void BeginDrain()
    {
        if (_draining || _closing is not null) return;
        _draining = true;
        Timers.StartSingleTimer(DrainTimedOut.Instance, DrainTimedOut.Instance, _settings.DrainTimeout);
        CloseIfDrained();
    }

    /// <summary>While draining: once every command is answered and every answer sent, close with 1001.</summary>
    private void CloseIfDrained()
    {
        if (_draining && _closing is null && _pending.Count == 0 && _queuedResponses == 0 && !_sending)
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
