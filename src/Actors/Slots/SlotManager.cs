using Akka.Actor;
using Akka.Event;
using SlotBooking.Actors.Domain;
using SlotBooking.Protocol;

namespace SlotBooking.Actors.Slots;

/// <summary>
/// Parent of the slot actors: creates a slot on demand, routes every <see cref="IWithSlotId"/> message to it,
/// and refuses ids outside the range without creating anything. Idle slots are stopped on their request;
/// messages for a slot that is stopping are held and delivered to its next incarnation, so none is lost.
/// </summary>
public sealed class SlotManager : ReceiveActor
{
    private readonly SlotRange _range;
    private readonly SlotActorSettings _settings;
    private readonly IActorRef _board;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly PassivatingChildren<int> _slots;

    public SlotManager(SlotRange range, SlotActorSettings settings, IActorRef board)
    {
        _range = range;
        _settings = settings;
        _board = board;
        _slots = new PassivatingChildren<int>(StartSlot);

        Receive<IWithSlotId>(Route);
        Receive<Passivate>(request => _slots.OnPassivate(Sender, request));
        Receive<SlotStopped>(OnSlotStopped);
    }

    public static Props Props(SlotRange range, SlotActorSettings settings, IActorRef board) =>
        Akka.Actor.Props.Create(() => new SlotManager(range, settings, board));

    /// <summary>Every slot recovers once at start, so the board knows the whole day before the first read.</summary>
    protected override void PreStart()
    {
        foreach (var id in _range.Ids) _slots.Child(id);
    }

    /// <summary>A slot that fails is stopped, not restarted in place: it recovers from stored state on its next message.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop);

    private void Route(IWithSlotId message)
    {
        var id = message.SlotId;
        if (!_range.Contains(id))
        {
            RefuseUnknownSlot(message);
            return;
        }
        _slots.Deliver(id, message, Sender);
    }

    private void RefuseUnknownSlot(IWithSlotId message)
    {
        var text = SlotMessages.UnknownSlot(message.SlotId, _range);
        if (message is ISlotCommand command)
            Sender.Tell(new SlotReply(command.CorrelationId, new SlotCommandResult(message.SlotId, SlotCommandResult.KindOf(command), SlotOutcome.UnknownSlot, text), 0));
        else
            Sender.Tell(new Status.Failure(new ArgumentOutOfRangeException(nameof(message), message.SlotId, text)));
    }

    private void OnSlotStopped(SlotStopped stopped)
    {
        if (!_slots.OnStopped(stopped.SlotId))
            _log.Warning("Slot {0} stopped unexpectedly; it recovers from stored state on its next message", stopped.SlotId);
    }

    private IActorRef StartSlot(int id)
    {
        // Only called when no incarnation of this slot is alive (its termination has been seen), so the name is free.
        var slot = Context.ActorOf(SlotActor.Props(id, _settings, _board), $"slot-{id}");
        Context.WatchWith(slot, new SlotStopped(id));
        return slot;
    }

    private sealed record SlotStopped(int SlotId);
}
