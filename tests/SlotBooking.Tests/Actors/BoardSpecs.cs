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
        broadcaster.ExpectMsg<ReportConnectionsTo>();

        board.Tell(new SlotStateChanged(SlotState.Free(3)));
        board.Tell(GetBoard.Instance, TestActor);
        Assert.False(ExpectMsg<BoardView>().IsReady);
        broadcaster.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        board.Tell(new SlotStateChanged(SlotState.Free(4)));
        Assert.Equal([3, 4], broadcaster.ExpectMsg<BoardChanged>().Slots.Select(s => s.SlotId));
        board.Tell(GetBoard.Instance, TestActor);
        Assert.True(ExpectMsg<BoardView>().IsReady);
    }

    [Fact]
    public void An_unchanged_state_reported_again_is_not_broadcast()
    {
        var broadcaster = CreateTestProbe();
        var board = Sys.ActorOf(BoardActor.Props(new SlotRange(3, 3), broadcaster.Ref, TimeProvider.System));
        broadcaster.ExpectMsg<ReportConnectionsTo>();
        board.Tell(new SlotStateChanged(SlotState.Free(3)));
        broadcaster.ExpectMsg<BoardChanged>();

        board.Tell(new SlotStateChanged(SlotState.Free(3)));
        broadcaster.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        board.Tell(new SlotStateChanged(new SlotState(3, DateTimeOffset.UtcNow)));
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
    public void Hands_on_a_stored_batch_answers_stamped_with_the_version_that_includes_it()
    {
        var broadcaster = CreateTestProbe();
        var board = Sys.ActorOf(BoardActor.Props(new SlotRange(3, 3), broadcaster.Ref, TimeProvider.System));
        broadcaster.ExpectMsg<ReportConnectionsTo>();
        board.Tell(new SlotStateChanged(SlotState.Free(3)));
        var first = broadcaster.ExpectMsg<BoardChanged>().Version;

        var booked = new SlotState(3, DateTimeOffset.UtcNow);
        var result = new SlotCommandResult(3, SlotCommandKind.Book, SlotOutcome.Done, SlotMessages.Booked(3));
        board.Tell(new SlotBatchStored(booked, [new PendingAnswer(TestActor, result)]));

        var answer = ExpectMsg<SlotCommandResult>();
        var change = broadcaster.ExpectMsg<BoardChanged>();
        Assert.Equal(first + 1, change.Version);
        Assert.Equal(change.Version, answer.BoardVersion);
        board.Tell(GetBoard.Instance, TestActor);
        var view = ExpectMsg<BoardView>();
        Assert.Equal(change.Version, view.Version);
        Assert.True(view.Slots[0].IsBooked);
    }
}
