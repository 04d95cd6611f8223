using System.Globalization;
using System.Text;
using SlotBooking.Protocol;

namespace SlotBooking.Client.Output;

/// <summary>The day's slots as a plain-text table, for <c>watch</c> and <c>demo</c>.</summary>
public static class SlotTable
{
    public static string Render(SlotsUpdateMessage update)
    {
        var text = new StringBuilder();
        text.AppendLine(" slot  time         state    booked at (UTC)");
        foreach (var slot in update.Data.Slots)
        {
            var state = slot.IsBooked ? "BOOKED" : "free";
            var bookedAt = slot.BookedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "";
            text.AppendLine(CultureInfo.InvariantCulture, $" {slot.Id,4}  {slot.StartTime}-{slot.EndTime}  {state,-7}  {bookedAt}");
        }
        text.AppendLine(CultureInfo.InvariantCulture,
            $" {update.Data.Slots.Count} slots: {update.Data.AvailableSlots.Count} free, {update.Data.BookedSlots.Count} booked; " +
            $"state of {update.Timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)} UTC");
        return text.ToString();
    }
}
