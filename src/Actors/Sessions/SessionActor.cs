using Akka.Actor;
using Akka.Event;
using NodaTime;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Broadcast;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Owners;
using SlotBooking.Protocol;

namespace SlotBooking.Actors.Sessions;

/// <summary>
/// One per connection. Parses the client's frames, sends commands and reads to their board (each with a correlation
/// id of its own; a board routes a command to its slot, whose answer comes straight back), and puts every answer in its <see cref="SessionOutbox"/>, the only sender to the
/// connection. Three behaviours:
/// <list type="bullet">
/// <item>Open: takes requests.</item>
/// <item>Draining (the server is stopping): refuses new requests, answers those in flight, then closes with 1001.</item>
/// <item>Closing: sends the close frame after the send in flight, then stops.</item>
/// </list>
/// While anything is outstanding a periodic check drops a client that stopped reading, answers "not confirmed" to
/// commands whose slot has not answered in time, and an error to reads whose board has not. A handler that throws
/// closes the session with 1011 (it is never restarted: a restart would replay its start).
/// </summary>
public sealed class SessionActor : ReceiveActor, IWithTimers
{
    private static readonly ErrorMessage ShuttingDown = new("The server is shutting down; this request was not processed. Reconnect shortly.");

    private readonly SessionPeers _peers;
    private readonly SessionSettings _settings;
    private readonly TaskCompletionSource _stopped;
    private readonly SessionOutbox _outbox;
    private readonly BoardKey _initialBoard;
    private readonly RequestTarget.Day? _initialDay;
    private readonly SessionIdentity _identity;
    // The boards whose broadcasts this connection receives.
    private readonly HashSet<BoardKey> _watched = [];
    // Per board, the stored version of each slot this connection was answered at that no read answer has shown since:
    // its next read of the board carries them (ReadBoard.Seen), so the answer includes those changes.
    private readonly Dictionary<BoardKey, Dictionary<int, long>> _answeredVersions = [];
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private long _lastCorrelationId;
    // A handler threw once: the session is closing, and a second failure stops it at once.
    private bool _failed;
    // The subject whose my_bookings this connection hears, until its identity expires; null when none.
    private string? _watchedOwner;
    // Fires on the injected clock when the connection's identity expires (checked again if it fired early).
    private ITimer? _identityExpiry;

    public SessionActor(ISessionSink sink, SessionPeers peers, SessionSettings settings, TaskCompletionSource stopped, RequestTarget.Day? initialDay, TokenCheck? signedIn)
    {
        _peers = peers;
        _identity = new SessionIdentity(signedIn, peers.Tokens);
        _initialDay = initialDay;
        _initialBoard = RequestTarget.BoardOf(initialDay);
        _settings = settings;
        _stopped = stopped;
        _outbox = new SessionOutbox(sink, settings.Clock, Self);
        Open();
    }

    /// <param name="stopped">Completed when the session has stopped; the connection's request waits on it before returning.</param>
    /// <param name="initialDay">The dated day the connection watches from the start (<c>?calendar=&amp;date=</c>); null for the default board.</param>
    /// <param name="signedIn">The identity the connection proved at connect (a validated token); null for an anonymous connection.</param>
    public static Props Props(
        ISessionSink sink, SessionPeers peers, SessionSettings settings, TaskCompletionSource stopped, RequestTarget.Day? initialDay = null, TokenCheck? signedIn = null) =>
        Akka.Actor.Props.Create(() => new SessionActor(sink, peers, settings, stopped, initialDay, signedIn));

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        _watched.Add(_initialBoard);
        _peers.Broadcaster.Tell(new Subscribe(_outbox) { Board = _initialBoard });
        // A connection signed in at connect hears its own bookings: my_bookings now and after each change, until its
        // token expires.
        if (_identity.ConnectionSubject is { } subject)
        {
            _watchedOwner = subject;
            _peers.Owners.Tell(new WatchOwner(subject, _outbox));
            ScheduleIdentityExpiry();
        }
        // The default board's first slots_update is the broadcaster's latest; a day's is read from the day.
        if (_initialDay is { } day)
            ReadBoard(new AnswerEcho(null, day.Calendar.Id, day.Date.ToDateOnly()), day);
    }

    protected override void PostStop()
    {
        _outbox.Detach();
        _peers.Broadcaster.Tell(new UnsubscribeAll(_outbox));
        _identityExpiry?.Dispose();
        if (_watchedOwner is { } owner) _peers.Owners.Tell(new UnwatchOwner(owner, _outbox));
        _stopped.TrySetResult();
    }

    private void Open()
    {
        Receive<InboundFrame>(frame => TakeRequest(ClientRequestParser.Parse(frame.Utf8.Span)));
        Receive<FrameRateLimited>(m => AnswerAtOnce(new ErrorMessage(m.Reason)));
        ReceiveAnswers();
        Receive<DrainSession>(_ => BeginDrain());
        ReceiveEndings();
    }

    private void Draining()
    {
        Receive<InboundFrame>(_ => AnswerAtOnce(ShuttingDown));
        Receive<FrameRateLimited>(m => AnswerAtOnce(new ErrorMessage(m.Reason)));
        ReceiveAnswers();
        Receive<OutboxFlushed>(_ => BeginClose(SessionClose.ShuttingDown));
        Receive<DrainTimedOut>(_ => BeginClose(SessionClose.ShuttingDown));
        ReceiveEndings();
    }

    private void Closing()
    {
        Receive<Watch>(_ => DropIfStalled());
        Receive<SendPending>(_ => StartWatching());
        Receive<OutboxClosed>(_ => Context.Stop(Self));
        Receive<SendFailed>(_ => Context.Stop(Self));
        Receive<ConnectionLost>(_ => Context.Stop(Self));
        ReceiveAny(_ => { });
    }

    private void ReceiveAnswers()
    {
        Receive<SlotReply>(OnSlotReply);
        Receive<TokenChecked>(OnTokenChecked);
        Receive<IdentityExpiryDue>(_ => OnIdentityExpiryDue());
        Receive<BoardRead>(OnBoardRead);
        Receive<Watch>(_ => OnWatch());
        Receive<SendPending>(_ => StartWatching());
    }

    private void ReceiveEndings()
    {
        Receive<ClientClosed>(_ => BeginClose(SessionClose.Normal));
        Receive<CloseSession>(m => BeginClose(m.Close));
        Receive<SendFailed>(f =>
        {
            _log.Debug("Send failed, ending session: {0}", f.Cause.Message);
            Context.Stop(Self);
        });
        Receive<ConnectionLost>(_ => Context.Stop(Self));
    }

    private void TakeRequest(ClientRequest request)
    {
        if (!HasRoomForAnswer()) return;
        var target = request is InvalidRequest
            ? null
            : RequestTarget.Of(request, _peers.FindCalendar, _settings.ReadableDates, Instant.FromDateTimeOffset(_settings.Clock.GetUtcNow()));
        if (target is RequestTarget.Refused refused)
            request = new InvalidRequest(refused.Message, request.RequestId) { Calendar = request.Calendar, Date = request.Date };
        var day = target as RequestTarget.Day;
        var echo = AnswerEcho.Of(request);
        switch (request)
        {
            case BookSlotRequest r:
                SendCommand(new BookSlot(r.SlotId, ++_lastCorrelationId, r.RequestId), r.Token, echo, day);
                break;
            case CancelSlotRequest r:
                SendCommand(new CancelSlot(r.SlotId, ++_lastCorrelationId, r.RequestId), r.Token, echo, day);
                break;
            case GetSlotsRequest:
                ReadBoard(echo, day);
                break;
            case WatchRequest:
                WatchBoard(echo, day);
                break;
            case UnwatchRequest:
                UnwatchBoard(RequestTarget.BoardOf(day));
                break;
            case InvalidRequest r:
                _outbox.AddAnswer(Render(new ErrorMessage(r.Message), echo));
                break;
        }
    }

    /// <summary>
    /// Reads the board, not the last broadcast (broadcasts are paced, may lag, and pub-sub may lose one). The read carries
    /// the slot versions this client was answered at and no read answer has shown since, and the board answers with a
    /// view that shows them: the answer includes every change this client has been told of, whichever path the slot's
    /// report to its board took (on one node or across nodes).
    /// </summary>
    private void ReadBoard(AnswerEcho echo, RequestTarget.Day? day)
    {
        var read = new ReadBoard(++_lastCorrelationId) { Seen = SeenOn(RequestTarget.BoardOf(day)) };
        _outbox.Expect(new PendingRequest(read.CorrelationId, echo, null, _settings.Clock.GetTimestamp()) { Day = day });
        // A read is timed out as a command is: an answer that never comes must not hold back the ones after it.
        StartWatching();
        Send(read, day);
    }

    private IReadOnlyList<SlotAtVersion>? SeenOn(BoardKey board) =>
        _answeredVersions.TryGetValue(board, out var slots) ? slots.Select(s => new SlotAtVersion(s.Key, s.Value)).ToArray() : null;

    /// <summary>An answer reflected a slot's stored version: the next read of its board must show at least that.</summary>
    private void RememberAnswered(BoardKey board, int slotId, long version)
    {
        if (version <= 0) return;
        if (!_answeredVersions.TryGetValue(board, out var slots)) _answeredVersions[board] = slots = [];
        if (version > slots.GetValueOrDefault(slotId)) slots[slotId] = version;
    }

    /// <summary>A ready view of the board shows these versions: later reads need not carry them (a board's view only grows).</summary>
    private void ForgetAnsweredShownBy(BoardKey board, BoardView view)
    {
        if (!_answeredVersions.TryGetValue(board, out var slots)) return;
        foreach (var (slotId, version) in slots.ToArray())
            if (view.SlotVersions.Of(slotId) >= version) slots.Remove(slotId);
        if (slots.Count == 0) _answeredVersions.Remove(board);
    }

    /// <summary>To the board the request is about: the default calendar's, or a dated day's.</summary>
    private void Send(object message, RequestTarget.Day? day) => _peers.Boards.Tell(RequestTarget.BoardOf(day), message, Self);

    /// <summary>Adds a board to those this connection hears, and answers with its current slots_update.</summary>
    private void WatchBoard(AnswerEcho echo, RequestTarget.Day? day)
    {
        var board = RequestTarget.BoardOf(day);
        if (!_watched.Contains(board))
        {
            if (_watched.Count >= _settings.MaxWatchedBoards)
            {
                _outbox.AddAnswer(Render(new ErrorMessage(
                    $"This connection already watches {_watched.Count} boards, the most it may; unwatch one first"), echo));
                return;
            }
            _watched.Add(board);
            _peers.Broadcaster.Tell(new Subscribe(_outbox) { Board = board });
        }
        ReadBoard(echo, day);
    }

    /// <summary>Stops this connection's broadcasts of a board; unwatch has no answer of its own.</summary>
    private void UnwatchBoard(BoardKey board)
    {
        if (!_watched.Remove(board)) return;
        _peers.Broadcaster.Tell(new Unsubscribe(_outbox) { Board = board });
        _outbox.ForgetBoard(board);
    }

    /// <summary>A request answered without asking anyone (an error), in its place among the client's answers.</summary>
    private void AnswerAtOnce(ErrorMessage answer)
    {
        if (HasRoomForAnswer()) _outbox.AddAnswer(Render(answer, AnswerEcho.None));
    }

    /// <summary>A client with too many answers owed is not reading them: it is closed.</summary>
    private bool HasRoomForAnswer()
    {
        if (_outbox.AnswersOwed < _settings.MaxQueuedResponses) return true;
        BeginClose(SessionClose.NotReading);
        return false;
    }

    /// <summary>
    /// Sends a command on behalf of whoever the connection, or the message's <paramref name="token"/>, proves it is. A
    /// token still being validated holds the command (its answer keeps its place); a bad one is answered at once.
    /// </summary>
    private void SendCommand(ISlotCommand command, string? token, AnswerEcho echo, RequestTarget.Day? day)
    {
        _outbox.Expect(new PendingRequest(command.CorrelationId, echo, command, _settings.Clock.GetTimestamp()) { Day = day });
        StartWatching();
        var resolution = _identity.Resolve(token, _settings.Clock.GetUtcNow());
        if (resolution.Pending is { } validation)
        {
            var correlationId = command.CorrelationId;
            validation.PipeTo(Self,
                success: check => new TokenChecked(token!, check, correlationId),
                failure: _ => new TokenChecked(token!, TokenCheck.Invalid, correlationId));
            return;
        }
        SendAs(command, resolution.Requester, day);
    }

    private void OnTokenChecked(TokenChecked m)
    {
        _identity.Remember(m.Token, m.Check);
        if (!_outbox.TryGetPending(m.CorrelationId, out var request)) return;
        SendAs(request.Command!, SessionIdentity.Judge(m.Check, _settings.Clock.GetUtcNow()).Requester, request.Day);
    }

    /// <summary>The command as <paramref name="requester"/>'s to its slot; with none (a bad token), the refusal in its place.</summary>
    private void SendAs(ISlotCommand command, Requester? requester, RequestTarget.Day? day)
    {
        if (requester is null)
        {
            var kind = SlotCommandResult.KindOf(command);
            OnSlotReply(new SlotReply(command.CorrelationId,
                new SlotCommandResult(command.SlotId, kind, SlotOutcome.AuthenticationFailed, SlotMessages.AuthenticationFailed), 0));
            return;
        }
        // Anonymous is what a command carries already: the seed's path allocates nothing more.
        if (requester == Requester.Anonymous)
        {
            Send(command, day);
            return;
        }
        ISlotCommand signed = command switch
        {
            BookSlot b => b with { By = requester },
            CancelSlot c => c with { By = requester },
            _ => command,
        };
        Send(signed, day);
    }

    private void OnSlotReply(SlotReply reply)
    {
        // A reply to a command already answered "not confirmed" finds nothing awaited and is dropped: the slots_update
        // tells the outcome. It can never stand in for another command's answer.
        if (!_outbox.TryGetPending(reply.CorrelationId, out var request)) return;
        var result = reply.Result;
        RememberAnswered(request.Board, result.SlotId, reply.StateVersion);
        // An answer holds back older broadcasts of its board, if this connection hears that board at all.
        var shows = _watched.Contains(request.Board) ? ShownView.OfSlot(request.Board, result.SlotId, reply.StateVersion) : ShownView.Nothing;
        _outbox.TryAnswer(reply.CorrelationId, Render(ResponseTo(result.Kind, result.Success, result.Message, result.SlotId), request.Echo), shows);
    }

    private void OnBoardRead(BoardRead read)
    {
        if (!_outbox.TryGetPending(read.CorrelationId, out var request)) return;
        var view = read.View;
        if (!view.IsReady)
        {
            _outbox.TryAnswer(read.CorrelationId,
                Render(new ErrorMessage("The slots are still being loaded from storage; ask again shortly."), request.Echo), ShownView.Nothing);
            return;
        }
        ForgetAnsweredShownBy(request.Board, view);
        var data = request.Day is { } day ? SlotsDataFactory.FromDay(day.Calendar, day.Date, view.Slots) : SlotsDataFactory.From(view.Slots);
        var shows = _watched.Contains(request.Board) ? ShownView.OfBoard(request.Board, view.Version, view.SlotVersions) : ShownView.Nothing;
        _outbox.TryAnswer(read.CorrelationId, Render(new SlotsUpdateMessage(data, _settings.Clock.GetUtcNow()), request.Echo), shows);
    }

    /// <summary>
    /// A timer on the service's clock (not the actor system's), so that the expiry follows the same clock the token
    /// checks read. Timers cannot wait for ever: a far expiry is reached in steps.
    /// </summary>
    private void ScheduleIdentityExpiry()
    {
        if (_identity.ConnectionExpiresAt is not { } expiresAt || expiresAt == DateTimeOffset.MaxValue) return;
        var due = expiresAt - _settings.Clock.GetUtcNow();
        if (due < TimeSpan.Zero) due = TimeSpan.Zero;
        if (due > MaxTimerStep) due = MaxTimerStep;
        var self = Self;
        _identityExpiry?.Dispose();
        _identityExpiry = _settings.Clock.CreateTimer(_ => self.Tell(IdentityExpiryDue.Instance), null, due, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// The identity proved at connect has expired: its owner's my_bookings stop (unwatched, and any frame not yet sent
    /// dropped). Broadcasts go on, as for any anonymous connection.
    /// </summary>
    private void OnIdentityExpiryDue()
    {
        if (_watchedOwner is not { } owner) return;
        if (_identity.ConnectionExpiresAt is { } expiresAt && _settings.Clock.GetUtcNow() < expiresAt)
        {
            ScheduleIdentityExpiry();
            return;
        }
        _outbox.EndMyBookings();
        _peers.Owners.Tell(new UnwatchOwner(owner, _outbox));
        _watchedOwner = null;
    }

    private static ServerMessage ResponseTo(SlotCommandKind kind, bool success, string message, int slotId) =>
        kind == SlotCommandKind.Book
            ? new BookingResponse(success, message, slotId)
            : new CancellationResponse(success, message, slotId);

    private static ReadOnlyMemory<byte> Render(ServerMessage message, AnswerEcho echo) =>
        ServerMessageSerializer.ToUtf8(echo.On(message));

    /// <summary>A periodic check runs only while a send or a command is outstanding, so idle sessions cost no timer.</summary>
    private void StartWatching()
    {
        if (!Timers.IsTimerActive(Watch.Instance))
            Timers.StartPeriodicTimer(Watch.Instance, Watch.Instance, _settings.WatchInterval);
    }

    private void OnWatch()
    {
        if (DropIfStalled()) return;
        var overdueBefore = _settings.Clock.GetTimestamp() - (long)(_settings.CommandTimeout.TotalSeconds * _settings.Clock.TimestampFrequency);
        _outbox.AnswerOverdue(overdueBefore, NotConfirmed);
        if (_outbox.Unanswered == 0 && _outbox.PendingSendTime == TimeSpan.Zero) Timers.Cancel(Watch.Instance);
    }

    private ReadOnlyMemory<byte> NotConfirmed(PendingRequest request)
    {
        if (request.Command is not { } command)
            return Render(new ErrorMessage(SlotMessages.ReadTimedOut(_settings.CommandTimeout)), request.Echo);
        var kind = SlotCommandResult.KindOf(command);
        return Render(ResponseTo(kind, false, SlotMessages.NotConfirmed(command.SlotId, kind, _settings.CommandTimeout), command.SlotId), request.Echo);
    }

    /// <summary>
    /// A handler that throws is a bug, but it must not become a restart loop (a restart would replay the session's
    /// start, which may throw again) nor a silent socket: the failure is logged once and the client gets a 1011 close.
    /// </summary>
    protected override bool AroundReceive(Receive receive, object message)
    {
        try
        {
            return base.AroundReceive(receive, message);
        }
        catch (Exception ex)
        {
            if (_failed)
            {
                Context.Stop(Self);
                return true;
            }
            _failed = true;
            _log.Error(ex, "Session failed on {0}; closing it with {1}", message.GetType().Name, SessionClose.InternalError.Code);
            try
            {
                BeginClose(SessionClose.InternalError);
            }
            catch (Exception)
            {
                Context.Stop(Self);
            }
            return true;
        }
    }

    /// <summary>A client that does not read cannot receive a close frame either: its connection is dropped.</summary>
    private bool DropIfStalled()
    {
        if (_outbox.PendingSendTime <= _settings.StallTimeout) return false;
        _log.Info("Client stopped reading for {0}; dropping the connection", _settings.StallTimeout);
        _outbox.Abort();
        Context.Stop(Self);
        return true;
    }

    private void BeginDrain()
    {
        // Nothing in flight: close now, in this turn, so that no request already in the mailbox is answered
        // "shutting down" instead of meeting the close (the client then knows to reconnect, not that it was refused).
        if (_outbox.IsFlushed)
        {
            BeginClose(SessionClose.ShuttingDown);
            return;
        }
        Become(Draining);
        Timers.StartSingleTimer(DrainTimedOut.Instance, DrainTimedOut.Instance, _settings.DrainTimeout);
        _outbox.ReportWhenFlushed();
    }

    private void BeginClose(SessionClose close)
    {
        Become(Closing);
        Timers.Cancel(DrainTimedOut.Instance);
        StartWatching();
        _outbox.Close(close);
    }

    /// <summary>Longest wait of one identity-expiry timer step (system timers take at most about 49 days).</summary>
    private static readonly TimeSpan MaxTimerStep = TimeSpan.FromDays(1);

    private sealed record IdentityExpiryDue
    {
        public static IdentityExpiryDue Instance { get; } = new();
    }

    private sealed record Watch
    {
        public static Watch Instance { get; } = new();
    }

    /// <summary>A message token's validation finished, for the command with <see cref="CorrelationId"/>.</summary>
    /// <remarks>Its text form leaves the token out: Akka logs an undelivered message (a dead letter, when the session stopped meanwhile) with its text.</remarks>
    private sealed record TokenChecked(string Token, TokenCheck Check, long CorrelationId)
    {
        private bool PrintMembers(System.Text.StringBuilder builder)
        {
            builder.Append($"Token = (hidden), Check = {Check}, CorrelationId = {CorrelationId}");
            return true;
        }
    }

    private sealed record DrainTimedOut
    {
        public static DrainTimedOut Instance { get; } = new();
    }
}
