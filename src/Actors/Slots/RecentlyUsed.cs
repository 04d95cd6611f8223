namespace SlotBooking.Actors.Slots;

/// <summary>Keys in the order they were last used, oldest first: what a parent with a cap on its children evicts. Not thread-safe.</summary>
public sealed class RecentlyUsed<TKey> where TKey : notnull
{
    private readonly LinkedList<TKey> _order = new();
    private readonly Dictionary<TKey, LinkedListNode<TKey>> _nodes = [];

    public int Count => _nodes.Count;

    /// <summary>Marks <paramref name="key"/> as used now (adding it if new).</summary>
    public void Touch(TKey key)
    {
        if (_nodes.TryGetValue(key, out var node))
        {
            _order.Remove(node);
            _order.AddLast(node);
            return;
        }
        _nodes[key] = _order.AddLast(key);
    }

    public void Remove(TKey key)
    {
        if (_nodes.Remove(key, out var node)) _order.Remove(node);
    }

    /// <summary>The least recently used key, removed; false when there is none.</summary>
    public bool TryTakeOldest(out TKey key)
    {
        if (_order.First is not { } first)
        {
            key = default!;
            return false;
        }
        key = first.Value;
        Remove(key);
        return true;
    }
}
