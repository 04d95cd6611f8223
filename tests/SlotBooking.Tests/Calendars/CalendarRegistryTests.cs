using SlotBooking.Actors.Calendars;

namespace SlotBooking.Tests.Calendars;

public sealed class CalendarRegistryTests
{
    private static readonly CalendarDefinition Seed = CalendarDefinition.Default(3, 14);
    private static readonly CalendarDefinition Lab = TestCalendars.In("Europe/Berlin", 8, 19);
    private static readonly CalendarDefinition Room = TestCalendars.In("America/New_York", 9, 17) with { Id = "room", Name = "Room" };

    [Fact]
    public void Lists_the_default_first_then_the_others_in_the_order_given()
    {
        var registry = new CalendarRegistry(Seed, [Room, Lab]);

        Assert.Equal(["default", "room", "lab"], registry.All.Select(c => c.Id));
        Assert.Same(Seed, registry.Default);
    }

    [Fact]
    public void Finds_a_calendar_by_its_exact_id_and_nothing_else()
    {
        var registry = new CalendarRegistry(Seed, [Lab]);

        Assert.True(registry.TryGet("lab", out var lab));
        Assert.Same(Lab, lab);
        Assert.True(registry.TryGet("default", out var seed));
        Assert.Same(Seed, seed);
        Assert.False(registry.TryGet("LAB", out _));
        Assert.False(registry.TryGet("room", out _));
    }

    [Fact]
    public void Replacing_the_snapshot_changes_every_read_and_keeps_the_old_snapshot_intact()
    {
        var registry = new CalendarRegistry(Seed, [Lab]);
        var before = registry.Current;

        registry.Replace(before.WithOthers([Room]));

        Assert.Equal(["default", "room"], registry.All.Select(c => c.Id));
        Assert.False(registry.TryGet("lab", out _));
        Assert.True(registry.TryGet("room", out _));
        Assert.Equal(["default", "lab"], before.All.Select(c => c.Id));
    }

    [Fact]
    public void Concurrent_updates_are_all_kept()
    {
        var registry = new CalendarRegistry(Seed, []);
        var ids = Enumerable.Range(0, 200).Select(i => $"cal-{i}").ToArray();

        Parallel.ForEach(ids, id => registry.Update(s => s.WithOthers([.. s.All.Skip(1), Lab with { Id = id }])));

        Assert.Equal(201, registry.All.Count);
        Assert.All(ids, id => Assert.True(registry.TryGet(id, out _)));
    }

    [Fact]
    public void A_snapshot_refuses_duplicate_ids_and_a_default_that_is_not_the_default()
    {
        Assert.Throws<ArgumentException>(() => CalendarSnapshot.Create(Seed, [Lab, Lab]));
        Assert.Throws<ArgumentException>(() => CalendarSnapshot.Create(Seed, [Seed]));
        Assert.Throws<ArgumentException>(() => CalendarSnapshot.Create(Lab, []));
    }

    [Fact]
    public void A_list_changed_after_creation_does_not_change_the_snapshot()
    {
        var others = new List<CalendarDefinition> { Lab };
        var registry = new CalendarRegistry(Seed, others);

        others.Add(Room);

        Assert.Equal(2, registry.All.Count);
    }
}
