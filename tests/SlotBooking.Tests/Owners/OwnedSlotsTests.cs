using NodaTime;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Owners;
using SlotBooking.Actors.Slots;
using SlotBooking.Tests.Actors;

namespace SlotBooking.Tests.Owners;

/// <summary>The pure side of "my bookings": merging changes by sequence number, and which bookings are current.</summary>
public sealed class OwnedSlotsTests
{
    private static readonly DateTimeOffset BookedAt = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static OwnedSlotChanged Lab(int hour, long sequenceNr, bool booked = true, int day = 26) =>
        new("alice", $"slot-lab-2026-11-{day}-{hour}", sequenceNr, "lab", new LocalDate(2026, 11, day), hour, booked ? BookedAt : null);

    private static OwnedSlotChanged Default(int slotId, long sequenceNr, bool booked = true) =>
        new("alice", $"slot-{slotId}", sequenceNr, CalendarDefinition.DefaultId, null, slotId, booked ? BookedAt : null);

    private static CalendarDefinition? Find(string id) => id == "lab" ? LabDay.Lab : null;

    /// <summary>08:30 in Berlin on Thursday 2026-11-26.</summary>
    private static readonly Instant HalfPastEight = Instant.FromUtc(2026, 11, 26, 7, 30);

    private static IEnumerable<string> Shown(OwnedSlots slots, Instant now) =>
        slots.Current(now, Find).Select(b => $"{b.CalendarId} {b.Date?.ToString("yyyy-MM-dd", null) ?? "-"} {b.SlotId}");

    [Fact]
    public void The_newest_change_of_each_slot_wins_in_whatever_order_they_come_and_each_counts_once()
    {
        OwnedSlotChanged[] changes = [Lab(9, 1), Lab(9, 2, booked: false), Lab(10, 1), Lab(9, 5), Default(3, 4)];
        var inOrder = changes.Aggregate(OwnedSlots.Empty, (s, c) => s.Merge(c));
        var reversed = changes.Reverse().Aggregate(OwnedSlots.Empty, (s, c) => s.Merge(c));
        var twice = changes.Concat(changes).Aggregate(OwnedSlots.Empty, (s, c) => s.Merge(c));

        foreach (var slots in new[] { inOrder, reversed, twice })
        {
            Assert.Equal(["default - 3", "lab 2026-11-26 9", "lab 2026-11-26 10"], Shown(slots, HalfPastEight));
            Assert.Equal(5 + 1 + 4, slots.Version);
        }
        Assert.Same(inOrder, inOrder.Merge(Lab(9, 4)));
    }

    [Fact]
    public void A_cancellation_newer_than_the_booking_ends_it_and_still_raises_the_version()
    {
        var booked = OwnedSlots.Empty.Merge(Lab(9, 1));
        var cancelled = booked.Merge(Lab(9, 2, booked: false));
        Assert.Empty(cancelled.Current(HalfPastEight, Find));
        Assert.True(cancelled.Version > booked.Version);
        // The same two merged the other way round.
        Assert.Equal(cancelled.Version, OwnedSlots.Empty.Merge(Lab(9, 2, booked: false)).Merge(Lab(9, 1)).Version);
    }

    [Fact]
    public void Only_dated_slots_that_have_not_ended_are_current_and_they_come_by_start_after_undated_ones()
    {
        var slots = new[] { Lab(12, 1, day: 27), Lab(8, 1), Lab(9, 1), Lab(19, 1, day: 25), Default(5, 1), Default(2, 1) }
            .Aggregate(OwnedSlots.Empty, (s, c) => s.Merge(c));

        // 08:30 in Berlin: slot 8 is under way (it ends at 09:00), yesterday's 19:00 has ended.
        Assert.Equal(["default - 2", "default - 5", "lab 2026-11-26 8", "lab 2026-11-26 9", "lab 2026-11-27 12"], Shown(slots, HalfPastEight));
        // 09:00 in Berlin: slot 8 has ended.
        Assert.Equal(["default - 2", "default - 5", "lab 2026-11-26 9", "lab 2026-11-27 12"], Shown(slots, HalfPastEight.Plus(Duration.FromMinutes(30))));

        var nine = slots.Current(HalfPastEight, Find).Single(b => b.SlotId == 9);
        Assert.Equal(Instant.FromUtc(2026, 11, 26, 8, 0), nine.StartsAt);
        Assert.Equal(Instant.FromUtc(2026, 11, 26, 9, 0), nine.EndsAt);
        Assert.Equal(BookedAt, nine.BookedAt);
    }

    [Fact]
    public void A_slot_of_a_calendar_that_is_gone_is_not_shown()
    {
        var slots = OwnedSlots.Empty.Merge(Lab(9, 1) with { CalendarId = "gone", PersistenceId = "slot-gone-2026-11-26-9" });
        Assert.Empty(slots.Current(HalfPastEight, Find));
        Assert.Equal(1, slots.Count);
    }

    [Theory]
    [InlineData("slot-9", "default", null, 9)]
    [InlineData("slot-lab-2026-11-26-9", "lab", "2026-11-26", 9)]
    [InlineData("slot-my-lab-2-2026-03-29-23", "my-lab-2", "2026-03-29", 23)]
    [InlineData("slot-2026-2026-01-01-0", "2026", "2026-01-01", 0)]
    public void A_slot_persistence_id_reads_back_as_its_address(string persistenceId, string calendar, string? date, int slot)
    {
        Assert.True(SlotIdentity.TryParse(persistenceId, out var address));
        Assert.Equal(new SlotAddress(calendar, date is null ? null : LocalDate.FromDateOnly(DateOnly.Parse(date)), slot), address);
    }

    [Fact]
    public void A_persistence_id_made_by_the_slot_identity_reads_back_as_the_same_slot()
    {
        var identity = SlotIdentity.OfDated(LabDay.Lab, LabDay.Thursday, 17);
        Assert.True(SlotIdentity.TryParse(identity.PersistenceId, out var address));
        Assert.Equal(new SlotAddress("lab", LabDay.Thursday, 17), address);
    }

    [Theory]
    [InlineData("board")]
    [InlineData("slot-")]
    [InlineData("slot--1")]
    [InlineData("slot-lab-2026-11-26")]
    [InlineData("slot-lab-2026-13-26-9")]
    [InlineData("slot-lab-2026-11-26-24")]
    [InlineData("slot--2026-11-26-9")]
    [InlineData("slot-default-2026-11-26-9")]
    [InlineData("day-lab-2026-11-26")]
    public void Anything_else_is_not_a_slot(string persistenceId) =>
        Assert.False(SlotIdentity.TryParse(persistenceId, out _));
}
