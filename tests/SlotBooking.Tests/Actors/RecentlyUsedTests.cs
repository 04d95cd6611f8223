using SlotBooking.Actors.Slots;

namespace SlotBooking.Tests.Actors;

public sealed class RecentlyUsedTests
{
    [Fact]
    public void The_oldest_is_the_least_recently_touched_and_taking_it_removes_it()
    {
        var recent = new RecentlyUsed<string>();
        recent.Touch("a");
        recent.Touch("b");
        recent.Touch("c");
        recent.Touch("a");
        recent.Remove("b");

        Assert.True(recent.TryTakeOldest(out var oldest));
        Assert.Equal("c", oldest);
        Assert.True(recent.TryTakeOldest(out oldest));
        Assert.Equal("a", oldest);
        Assert.False(recent.TryTakeOldest(out _));
        Assert.Equal(0, recent.Count);
    }
}
