using SlotBooking.Protocol;

namespace SlotBooking.Actors.Domain;

/// <summary>Maps slot states to the wire's <see cref="SlotsData"/>.</summary>
public static class SlotsDataFactory
{
    public static SlotsData From(IReadOnlyList<SlotState> slots)
    {
        var views = new SlotView[slots.Count];
        var available = new List<int>(slots.Count);
        var booked = new List<int>(slots.Count);
        for (var i = 0; i < slots.Count; i++)
        {
            var s = slots[i];
            views[i] = new SlotView(s.SlotId, SlotRange.StartTimeOf(s.SlotId), SlotRange.EndTimeOf(s.SlotId), s.IsBooked, s.BookedAt);
            (s.IsBooked ? booked : available).Add(s.SlotId);
        }
        return new SlotsData(views, available, booked);
    }
}
