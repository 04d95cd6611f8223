namespace SlotBooking.Actors.Board;

/// <summary>
/// A message for one board through the boards' shard region, by its key: a slot command (its <c>SlotId</c> is the
/// hour), a <see cref="ReadBoard"/>, a <see cref="GetBoard"/>, a <see cref="Domain.GetSlotState"/>, or from a slot a
/// <see cref="SlotStateChanged"/> or a <see cref="Storage.StorageFailed"/>. The region delivers <see cref="Message"/>
/// alone, with the sender kept.
/// </summary>
public sealed record BoardEnvelope(BoardKey Board, object Message);
