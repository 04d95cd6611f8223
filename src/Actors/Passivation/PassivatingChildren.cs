using Akka.Actor;

namespace SlotBooking.Actors.Passivation;

/// <summary>
/// A parent's side of passivation, for children keyed by <typeparamref name="TKey"/>: it starts a child on its first
/// message, answers a child's <see cref="Passivate"/> with the child's own stop message, holds what arrives for a child
/// that is stopping, and hands that to a new incarnation once the old one has stopped, so no message is lost.
/// The parent owns the actor calls: it passes a way to start (and watch) a child, and reports each child's end.
/// </summary>
public sealed class PassivatingChildren<TKey>(Func<TKey, IActorRef> start) where TKey : notnull
{
    private readonly Dictionary<TKey, IActorRef> _alive = [];
    private readonly Dictionary<IActorRef, TKey> _keys = [];
    private readonly Dictionary<TKey, List<(object Message, IActorRef Sender)>> _held = [];

    /// <summary>Children alive now, stopping ones included.</summary>
    public int Count => _alive.Count;

    public bool IsAlive(TKey key) => _alive.ContainsKey(key);

    /// <summary>The keys of the children alive now (a copy).</summary>
    public IReadOnlyList<TKey> AliveKeys => [.. _alive.Keys];

    /// <summary>The child asked to be stopped and has not stopped yet: what is delivered to it now is held for its next incarnation.</summary>
    public bool IsStopping(TKey key) => _held.ContainsKey(key);

    /// <summary>Delivers a message to the child, starting it if needed; holds it while the child is stopping.</summary>
    public void Deliver(TKey key, object message, IActorRef sender)
    {
        if (_held.TryGetValue(key, out var held))
        {
            held.Add((message, sender));
            return;
        }
        Child(key).Tell(message, sender);
    }

    /// <summary>The child, started if it is not alive.</summary>
    public IActorRef Child(TKey key)
    {
        if (_alive.TryGetValue(key, out var child)) return child;
        child = start(key);
        _alive[key] = child;
        _keys[child] = key;
        return child;
    }

    /// <summary>A child asked to be stopped: from now on its messages are held, and it is sent its stop message.</summary>
    public void OnPassivate(IActorRef child, Passivate request)
    {
        if (!_keys.TryGetValue(child, out var key) || _held.ContainsKey(key)) return;
        _held[key] = [];
        child.Tell(request.StopMessage);
    }

    /// <summary>Children asked to stop that have not stopped yet.</summary>
    public int StoppingCount => _held.Count;

    /// <summary>
    /// The parent stops a child of its own accord (a cap on its children), as if the child had asked: what arrives for
    /// it from now on is held, and it is sent <paramref name="stopMessage"/>. False when it is not alive or already stopping.
    /// </summary>
    public bool Passivate(TKey key, object stopMessage)
    {
        if (!_alive.TryGetValue(key, out var child) || _held.ContainsKey(key)) return false;
        _held[key] = [];
        child.Tell(stopMessage);
        return true;
    }

    /// <summary>A child has stopped. False if it had not asked to (it failed); what was held for it goes to a new incarnation.</summary>
    public bool OnStopped(TKey key)
    {
        if (_alive.Remove(key, out var child)) _keys.Remove(child);
        if (!_held.Remove(key, out var held)) return false;
        foreach (var (message, sender) in held) Deliver(key, message, sender);
        return true;
    }
}
