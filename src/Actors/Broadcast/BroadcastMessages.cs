using Akka.Actor;

namespace SlotBooking.Actors.Broadcast;

/// <summary>Adds a session to the audience; it receives the latest <see cref="SlotsUpdatePayload"/> at once and every one after.</summary>
public sealed record RegisterSession(IActorRef Session);

/// <summary>Where the broadcaster reports its session count (the board).</summary>
public sealed record ReportConnectionsTo(IActorRef Listener);

/// <summary>
/// One serialised <c>slots_update</c> frame. The same bytes go to every session and are never modified;
/// <see cref="Version"/> is the board's version it shows, so a session can tell newer from older.
/// </summary>
public sealed record SlotsUpdatePayload(ReadOnlyMemory<byte> Utf8, long Version);
