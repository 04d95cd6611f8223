using System.Text.Json.Serialization;

namespace SlotBooking.Protocol;

/// <summary>One slot as clients see it: <c>{"id":9,"start_time":"09:00","end_time":"10:00","is_booked":true,"booked_at":"..."}</c>.</summary>
public sealed record SlotView(
    int Id,
    string StartTime,
    string EndTime,
    bool IsBooked,
    DateTimeOffset? BookedAt)
{
    /// <summary>A dated calendar's slot: its true start in UTC (on a day the clocks change, not always its local hour). Absent for the default calendar.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? StartsAt { get; init; }

    /// <summary>A dated calendar's slot: its true end in UTC. Absent for the default calendar.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? EndsAt { get; init; }
}

/// <summary>The whole day: every slot plus the ids split by state, as in the seed's <c>GET /slots</c> and <c>slots_update.data</c>.</summary>
public sealed record SlotsData(
    IReadOnlyList<SlotView> Slots,
    IReadOnlyList<int> AvailableSlots,
    IReadOnlyList<int> BookedSlots);
