using SlotBooking.Actors.Board;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;

namespace SlotBooking.Tests.Actors;

/// <summary>A board's read model without its actor: readiness, what is published, versions, stale reports.</summary>
public sealed class BoardReadModelTests
{
    private static readonly CalendarDefinition ThreeToFour = CalendarDefinition.Default(3, 4);

    private static BoardReadModel Touching(params int[] hours)
    {
        var model = new BoardReadModel();
        foreach (var hour in hours) model.Touch(hour);
        model.Started();
        return model;
    }

    private static BoardView View(BoardReadModel model, int first, int last) =>
        model.View(CalendarDefinition.Default(first, last), BoardViews.HoursOf(CalendarDefinition.Default(first, last), null));

    [Fact]
    public void Is_ready_and_publishes_only_once_every_touched_slot_has_reported()
    {
        var model = Touching(3, 4);

        Assert.False(model.Apply(new SlotStateChanged(SlotState.Free(3), 0)));
        Assert.False(model.IsReady);
        Assert.False(View(model, 3, 4).IsReady);

        // The first complete view is published even unchanged: the default board's new watchers are sent it.
        Assert.True(model.Apply(new SlotStateChanged(SlotState.Free(4), 0)));
        Assert.True(model.IsReady);
        var first = View(model, 3, 4);
        Assert.Equal([3, 4], first.Slots.Select(s => s.SlotId));
        // Newer than the nothing a connection was shown before it: sessions drop a view no newer than what they showed.
        Assert.True(first.Version > 0);
    }

    [Fact]
    public void A_day_ready_at_start_publishes_only_changes()
    {
        var day = Touching();
        Assert.True(day.IsReady);

        day.Touch(9);
        Assert.False(day.IsReady);
        // A new slot's recovery reports it free: no change, nothing to publish; its booking is one.
        Assert.False(day.Apply(new SlotStateChanged(SlotState.Free(9), 0)));
        Assert.True(day.IsReady);
        Assert.True(day.Apply(new SlotStateChanged(new SlotState(9, DateTimeOffset.UtcNow), 1)));
    }

    [Fact]
    public void An_unchanged_state_reported_again_is_not_published()
    {
        var model = Touching(3);
        Assert.True(model.Apply(new SlotStateChanged(SlotState.Free(3), 0)));

        Assert.False(model.Apply(new SlotStateChanged(SlotState.Free(3), 0)));

        Assert.True(model.Apply(new SlotStateChanged(new SlotState(3, DateTimeOffset.UtcNow), 1)));
        Assert.True(View(model, 3, 3).Slots[0].IsBooked);
    }

    [Fact]
    public void Each_stored_change_raises_the_version_and_the_view_shows_each_slots_stored_version()
    {
        var model = Touching(3, 4);
        model.Apply(new SlotStateChanged(SlotState.Free(3), 0));
        model.Apply(new SlotStateChanged(SlotState.Free(4), 5));
        var first = model.View(ThreeToFour, [3, 4]);

        Assert.True(model.Apply(new SlotStateChanged(new SlotState(3, DateTimeOffset.UtcNow), 1)));
        var change = model.View(ThreeToFour, [3, 4]);
        Assert.Equal(first.Version + 1, change.Version);
        Assert.Equal(1, change.SlotVersions.Of(3));
        Assert.Equal(5, change.SlotVersions.Of(4));
        Assert.True(change.Slots[0].IsBooked);
    }

    [Fact]
    public void A_report_older_than_what_the_board_shows_is_ignored()
    {
        var model = Touching(3);
        Assert.True(model.Apply(new SlotStateChanged(new SlotState(3, DateTimeOffset.UtcNow), 2)));

        Assert.False(model.Apply(new SlotStateChanged(SlotState.Free(3), 1)));

        Assert.True(View(model, 3, 3).Slots[0].IsBooked);
    }

    [Fact]
    public void A_new_incarnation_is_at_least_as_new_as_the_last_and_equal_only_when_nothing_changed()
    {
        var first = Touching(3, 4);
        first.Apply(new SlotStateChanged(SlotState.Free(3), 0));
        first.Apply(new SlotStateChanged(SlotState.Free(4), 0));
        for (var version = 1; version <= 5; version++)
            first.Apply(new SlotStateChanged(version % 2 == 1 ? new SlotState(4, DateTimeOffset.UnixEpoch) : SlotState.Free(4), version));
        var last = first.Version;

        // The board starts again: its slots report their stored versions, and only then is it ready.
        var again = Touching(3, 4);
        Assert.True(again.Apply(new SlotStateChanged(new SlotState(4, DateTimeOffset.UnixEpoch), 5)) is false && !again.IsReady);
        Assert.Equal(0, again.Version);
        Assert.True(again.Apply(new SlotStateChanged(SlotState.Free(3), 0)));
        Assert.Equal(last, again.Version);

        Assert.True(again.Apply(new SlotStateChanged(new SlotState(3, DateTimeOffset.UnixEpoch), 1)));
        Assert.Equal(last + 1, again.Version);
    }

    [Fact]
    public void A_day_nobody_touched_is_at_version_zero_and_touching_an_hour_changes_no_version_only_storing_does()
    {
        var day = Touching();
        Assert.Equal(0, day.Version);
        day.Touch(3);
        day.Apply(new SlotStateChanged(SlotState.Free(3), 0));
        Assert.Equal(0, View(day, 3, 4).Version);
        day.Apply(new SlotStateChanged(new SlotState(3, DateTimeOffset.UnixEpoch), 1));
        Assert.Equal(1, View(day, 3, 4).Version);
    }

    [Fact]
    public void A_board_that_starts_with_touched_hours_whose_slots_stored_nothing_publishes_its_first_view_at_one()
    {
        var board = Touching(3, 4);
        Assert.False(board.Apply(new SlotStateChanged(SlotState.Free(3), 0)));
        Assert.True(board.Apply(new SlotStateChanged(SlotState.Free(4), 0)));
        Assert.Equal(1, board.Version);
    }
}
