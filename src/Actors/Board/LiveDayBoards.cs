using Akka.Actor;

namespace SlotBooking.Actors.Board;

/// <summary>
/// The bound on day boards alive on this node, which anonymous reads of many distinct days could otherwise grow: each
/// day board registers when it starts (<see cref="DayBoardStarted"/>), and once more than <c>maxLiveDays</c> are alive
/// the longest-lived is asked to passivate (<see cref="BoardActor.PassivateDay"/>), through sharding, after its write
/// in flight. Akka.NET 1.5.75's sharding has no active-entity limit of its own (its reference configuration has only
/// idle passivation), hence this actor. The default board never registers: it is not a day.
/// </summary>
public sealed class LiveDayBoards : ReceiveActor
{
    public const int DefaultMaxLiveDays = 1_000;

    private readonly int _maxLiveDays;
    // Oldest first; a board leaves when it stops.
    private readonly LinkedList<IActorRef> _order = new();
    private readonly Dictionary<IActorRef, LinkedListNode<IActorRef>> _nodes = [];
    private readonly HashSet<IActorRef> _asked = [];

    public LiveDayBoards(int maxLiveDays)
    {
        _maxLiveDays = maxLiveDays;
        Receive<DayBoardStarted>(_ => OnStarted(Sender));
        Receive<Terminated>(t =>
        {
            if (_nodes.Remove(t.ActorRef, out var node)) _order.Remove(node);
            _asked.Remove(t.ActorRef);
        });
        Receive<GetLiveDays>(_ => Sender.Tell(new LiveDays(_nodes.Count)));
    }

    public static Props Props(int maxLiveDays) => Akka.Actor.Props.Create(() => new LiveDayBoards(maxLiveDays));

    private void OnStarted(IActorRef board)
    {
        if (_nodes.ContainsKey(board)) return;
        Context.Watch(board);
        _nodes[board] = _order.AddLast(board);
        // Boards already asked still count until they stop, so a burst of starts never asks more than it must.
        var excess = _nodes.Count - _asked.Count - _maxLiveDays;
        for (var node = _order.First; excess > 0 && node is not null; node = node.Next)
        {
            if (!_asked.Add(node.Value)) continue;
            node.Value.Tell(BoardActor.PassivateDay.Instance);
            excess--;
        }
    }
}

/// <summary>A day board started on this node; sent by the board itself, which is the sender.</summary>
public sealed record DayBoardStarted(BoardKey Board);

/// <summary>Asks <see cref="LiveDayBoards"/> how many day boards are alive on this node; answered with <see cref="LiveDays"/>.</summary>
public sealed record GetLiveDays
{
    public static GetLiveDays Instance { get; } = new();
    private GetLiveDays() { }
}

/// <param name="Count">Day boards alive on this node now, stopping ones included (the default board is not counted).</param>
public sealed record LiveDays(int Count);
