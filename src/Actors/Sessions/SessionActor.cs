using System.Net.WebSockets;
using Akka.Actor;
using Akka.Event;
using SlotBooking.Actors.Broadcast;
using SlotBooking.Actors.Domain;
using SlotBooking.Protocol;

namespace SlotBooking.Actors.Sessions;

/// <summary>
/// One per WebSocket connection, and the only writer to its socket. Parses client frames, sends commands
/// to the slots and queues the answers; at most one send is in flight. An unsent <c>slots_update</c> is
/// replaced by a newer one, so a slow reader skips to the newest state instead of piling up old ones.
/// </summary>
public sealed class SessionActor : ReceiveActor
{
    private readonly WebSocket _socket;
    private readonly IActorRef _slots;
    private readonly IActorRef _broadcaster;
    private readonly SessionSettings _settings;
    private readonly TaskCompletionSource _stopped;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    // Outbound frames in order; a null entry marks where the newest slots_update goes.
    private readonly Queue<ReadOnlyMemory<byte>?> _outbound = new();
    private ReadOnlyMemory<byte> _newestUpdate;
    private long _newestUpdateVersion;
    private bool _updateQueued;
    private int _queuedResponses;
    private bool _sending;
    private CloseSession? _closing;

    public SessionActor(WebSocket socket, IActorRef slots, IActorRef broadcaster, SessionSettings settings, TaskCompletionSource stopped)
    {
        _socket = socket;
        _slots = slots;
        _broadcaster = broadcaster;
        _settings = settings;
        _stopped = stopped;

        Receive<InboundFrame>(OnInboundFrame);
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
        Receive<ClientClosed>(_ => BeginClose(new CloseSession(WebSocketCloseStatus.NormalClosure, "")));
        Receive<CloseSession>(BeginClose);
        Receive<ConnectionLost>(_ => Context.Stop(Self));
        Receive<CloseCompleted>(_ => Context.Stop(Self));
    }

    /// <param name="stopped">Completed when the session has stopped; the socket's request waits on it before returning.</param>
    public static Props Props(WebSocket socket, IActorRef slots, IActorRef broadcaster, SessionSettings settings, TaskCompletionSource stopped) =>
        Akka.Actor.Props.Create(() => new SessionActor(socket, slots, broadcaster, settings, stopped));

    protected override void PreStart() => _broadcaster.Tell(new RegisterSession(Self));

    protected override void PostStop() => _stopped.TrySetResult();

    private void OnInboundFrame(InboundFrame frame)
    {
        if (_closing is not null) return;
        switch (ClientRequestParser.Parse(frame.Utf8.Span))
        {
            case BookSlotRequest r:
                _slots.Tell(new BookSlot(r.SlotId));
                break;
            case CancelSlotRequest r:
                _slots.Tell(new CancelSlot(r.SlotId));
                break;
            case GetSlotsRequest:
                _broadcaster.Tell(GetLatestSlotsUpdate.Instance);
                break;
            case InvalidRequest r:
                EnqueueResponse(new ErrorMessage(r.Message));
                break;
        }
    }

    private void OnCommandResult(SlotCommandResult result)
    {
        ServerMessage response = result.Kind == SlotCommandKind.Book
            ? new BookingResponse(result.Success, result.Message, result.SlotId)
            : new CancellationResponse(result.Success, result.Message, result.SlotId);
        EnqueueResponse(response);
    }

    private void OnSlotsUpdate(SlotsUpdatePayload update)
    {
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
        if (!_outbound.TryDequeue(out var next)) return;

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
        _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None)
            .AsTask()
            .PipeTo(Self, success: () => SendCompleted.Instance, failure: ex => new SendFailed(ex));
    }

    private void BeginClose(CloseSession close)
    {
        if (_closing is not null) return;
        _closing = close;
        _outbound.Clear();
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
}
