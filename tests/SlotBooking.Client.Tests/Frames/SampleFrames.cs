using SlotBooking.Protocol;

namespace SlotBooking.Client.Tests.Frames;

/// <summary>Server frames built with the protocol's own records and serializer, so tests read real wire bytes.</summary>
public static class SampleFrames
{
    private static readonly DateTimeOffset At = new(2025, 7, 28, 10, 30, 0, TimeSpan.Zero);

    /// <summary>A <c>slots_update</c> for the default day (slots 3-14) with the given slots booked.</summary>
    public static byte[] SlotsUpdate(int[] booked)
    {
        var slots = Enumerable.Range(3, 12)
            .Select(id => new SlotView(id, $"{id:00}:00", $"{id + 1:00}:00", booked.Contains(id), booked.Contains(id) ? At : null))
            .ToArray();
        var data = new SlotsData(slots, slots.Where(s => !s.IsBooked).Select(s => s.Id).ToArray(), booked);
        return ServerMessageSerializer.ToUtf8(new SlotsUpdateMessage(data, At));
    }
}
