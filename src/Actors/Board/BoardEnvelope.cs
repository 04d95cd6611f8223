namespace SlotBooking.Actors.Board;

/// <summary>
/// A message for one board, by its key: a slot command (its <c>SlotId</c> is the hour), a <see cref="ReadBoard"/> or a
/// <see cref="GetBoard"/>. The board router reads only the key, so a shard region can take its place the same way.
/// </summary>
public sealed record BoardEnvelope(BoardKey Board, object Message);
