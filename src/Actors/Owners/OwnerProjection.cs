using Akka.Persistence.Query;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Slots;

namespace SlotBooking.Actors.Owners;

/// <summary>
/// Every owner's slots as the journal tells them: the fold of each stored slot event that concerns an owner (a booking
/// by them, or the end of one) into their <see cref="OwnedSlots"/>. Built once per start from the all-events query, so
/// writes carry no tags (a tagged event costs the journal a row-by-row insert); live changes are merged afterwards by
/// the same sequence-number rule.
/// </summary>
public static class OwnerProjection
{
    public static Dictionary<string, OwnedSlots> Add(Dictionary<string, OwnedSlots> owners, EventEnvelope envelope)
    {
        if (ChangeOf(envelope) is { } change) Merge(owners, change);
        return owners;
    }

    public static void Merge(Dictionary<string, OwnedSlots> owners, OwnedSlotChanged change) =>
        owners[change.Owner] = (owners.GetValueOrDefault(change.Owner) ?? OwnedSlots.Empty).Merge(change);

    /// <summary>The change a stored event makes to its owner's slots; null when it concerns no owner or no slot.</summary>
    public static OwnedSlotChanged? ChangeOf(EventEnvelope envelope)
    {
        var (owner, bookedAt) = envelope.Event switch
        {
            SlotBooked { Owner: { } o } booked => (o, (DateTimeOffset?)booked.BookedAt),
            SlotCancelled { Owner: { } o } => (o, null),
            _ => ((string?)null, (DateTimeOffset?)null),
        };
        if (owner is null || !SlotIdentity.TryParse(envelope.PersistenceId, out var slot)) return null;
        return new OwnedSlotChanged(owner, envelope.PersistenceId, envelope.SequenceNr, slot.CalendarId, slot.Date, slot.SlotId, bookedAt);
    }
}
