namespace SlotBooking.Protocol;

/// <summary>
/// SQLite's <c>synchronous</c> setting as the service names it (<c>SlotBooking:Synchronous</c>) and as the client's
/// storage probe compares it (<c>--synchronous</c>). Here because this is the one dependency-free assembly both
/// the server and the client reference: one set of names, parsed the same way on both sides.
/// </summary>
public enum SqliteSynchronous
{
    /// <summary>Every commit is synced to disk: survives power loss.</summary>
    Full,

    /// <summary>With WAL, survives a process crash but may lose the last commits on power loss; faster.</summary>
    Normal,
}
