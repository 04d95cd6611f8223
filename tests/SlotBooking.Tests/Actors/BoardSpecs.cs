using Akka.Actor;
using Akka.TestKit.Xunit2;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Broadcast;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Storage;
using SlotBooking.Protocol;

namespace SlotBooking.Tests.Actors;

public sealed class BoardSpecs : TestKit
{
    [Fact]
    public void Is_ready_and_broadcasts_only_once_every_slot_has_reported()
    {
        var broadcaster = CreateTestProbe();
        var board = Sys.ActorOf(BoardActor.Props(new SlotRange(3, 4), broadcaster.Ref, TimeProvider.System));

        board.Tell(new SlotStateChanged(SlotState.Free(3), 0));
        board.Tell(GetBoard.Instance, TestActor);
        Assert.False(ExpectMsg<BoardView>().IsReady);
        broadcaster.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        board.Tell(new SlotStateChanged(SlotState.Free(4), 0));
        Assert.Equal([3, 4], broadcaster.ExpectMsg<BoardChanged>().Slots.Select(s => s.SlotId));
        board.Tell(GetBoard.Instance, TestActor);
        Assert.True(ExpectMsg<BoardView>().IsReady);
    }

    [Fact]
    public void An_unchanged_state_reported_again_is_not_broadcast()
    {
        var broadcaster = CreateTestProbe();
        var board = Sys.ActorOf(BoardActor.Props(new SlotRange(3, 3), broadcaster.Ref, TimeProvider.System));
        board.Tell(new SlotStateChanged(SlotState.Free(3), 0));
        broadcaster.ExpectMsg<BoardChanged>();

        board.Tell(new SlotStateChanged(SlotState.Free(3), 0));
        broadcaster.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        board.Tell(new SlotStateChanged(new SlotState(3, DateTimeOffset.UtcNow), 1));
        Assert.True(broadcaster.ExpectMsg<BoardChanged>().Slots[0].IsBooked);
    }

    [Fact]
    public void Reports_the_last_storage_problem_until_storage_works_again()
    {
        var board = Sys.ActorOf(BoardActor.Props(new SlotRange(3, 3), CreateTestProbe().Ref, TimeProvider.System));

        board.Tell(new StorageFailed("database is locked"));
        board.Tell(GetBoard.Instance, TestActor);
        Assert.Equal("database is locked", ExpectMsg<BoardView>().StorageProblem);

        board.Tell(StorageAvailable.Instance);
        board.Tell(GetBoard.Instance, TestActor);
        Assert.Null(ExpectMsg<BoardView>().StorageProblem);
    }

    [Fact]
    public void Each_stored_change_raises_the_version_and_the_view_shows_each_slots_stored_version()
    {
        var broadcaster = CreateTestProbe();
        var board = Sys.ActorOf(BoardActor.Props(new SlotRange(3, 4), broadcaster.Ref, TimeProvider.System));
        board.Tell(new SlotStateChanged(SlotState.Free(3), 0));
        board.Tell(new SlotStateChanged(SlotState.Free(4), 5));
        var first = broadcaster.ExpectMsg<BoardChanged>();

        board.Tell(new SlotStateChanged(new SlotState(3, DateTimeOffset.UtcNow), 1));
        var change = broadcaster.ExpectMsg<BoardChanged>();
        Assert.Equal(first.Version + 1, change.Version);
        Assert.Equal(1, change.SlotVersions.Of(3));
        Assert.Equal(5, change.SlotVersions.Of(4));

        board.Tell(new ReadBoard(42), TestActor);
        var read = ExpectMsg<BoardRead>();
        Assert.Equal(42, read.CorrelationId);
        Assert.Equal(change.Version, read.View.Version);
        Assert.True(read.View.Slots[0].IsBooked);
        Assert.Equal(1, read.View.SlotVersions.Of(3));
    }

    [Fact]
    public void A_report_older_than_what_the_board_shows_is_ignored()
    {
        var broadcaster = CreateTestProbe();
        var board = Sys.ActorOf(BoardActor.Props(new SlotRange(3, 3), broadcaster.Ref, TimeProvider.System));
        board.Tell(new SlotStateChanged(new SlotState(3, DateTimeOffset.UtcNow), 2));
        broadcaster.ExpectMsg<BoardChanged>();

        board.Tell(new SlotStateChanged(SlotState.Free(3), 1));
        broadcaster.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        board.Tell(GetBoard.Instance, TestActor);
        Assert.True(ExpectMsg<BoardView>().Slots[0].IsBooked);
    }
}
