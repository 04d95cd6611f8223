namespace SlotBooking.Actors.Slots;

/// <summary>
/// A message for one slot through the slot shard region, by its entity id (the slot's persistence id, see
/// <see cref="SlotIdentity"/>): a slot command, a <see cref="Domain.GetSlotState"/> or a <see cref="ReportSlotState"/>.
/// The region delivers <see cref="Message"/> alone, with the sender kept.
/// </summary>
public sealed record SlotEnvelope(string EntityId, object Message);
