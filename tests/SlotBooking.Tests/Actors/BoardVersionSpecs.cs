using System.Text;
using Akka.TestKit;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Broadcast;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Sessions;
using SlotBooking.Actors.Slots;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Actors;

/// <summary>
/// A board's version across its incarnations, on a one-node cluster and a real SQLite journal: a board that stops (it
/// passivates, or sharding hands it off with its stop message) and starts again goes on from where its slots are, so a
/// client that was shown its views takes the next one.
/// </summary>
public sealed class BoardVersionSpecs : IDisposable
{
    private static readonly BoardKey Day = new(LabDay.Lab.Id, LabDay.Thursday);

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static SlotReply Send(ShardedSystem system, ISlotCommand command)
    {
        system.Tell(Day, command, system.Kit.TestActor);
        var reply = system.Kit.ExpectMsg<SlotReply>();
        Assert.True(reply.Result.Success, reply.Result.Message);
        return reply;
    }

    /// <summary>The next published change of the day whose slot <paramref name="slotId"/> is at <paramref name="version"/>.</summary>
    private static BoardChanged ChangeShowing(TestProbe changes, int slotId, long version) =>
        changes.FishForMessage<BoardChanged>(c => c.Board == Day && c.SlotVersions.Of(slotId) == version, TimeSpan.FromSeconds(10));

    /// <summary>A client's outbound queue offered the change as its node's broadcaster would; the frames it sends.</summary>
    private static List<string> Offer(OutboundQueue client, BoardChanged change)
    {
        client.OfferBroadcast(new SlotsUpdatePayload(Encoding.UTF8.GetBytes($"v{change.Version}"), change.Version, change.SlotVersions) { Board = Day });
        var sent = new List<string>();
        while (client.TryTake(out var frame)) sent.Add(Encoding.UTF8.GetString(frame.Span));
        return sent;
    }

    public static TheoryData<string> Stops() => ["passivates", "is handed off"];

    [Theory]
    [MemberData(nameof(Stops))]
    public void A_board_that_stops_and_starts_again_goes_on_from_its_slots_versions_and_a_client_shows_its_next_change(string how)
    {
        using var system = ShardedSystem.Start(_database.Path, LabDay.SettingsAtHalfPastEight());
        var changes = system.Subscribe<BoardChanged>();
        var client = new OutboundQueue();

        // Five changes over two slots, four of them to one slot: the client is shown each.
        ISlotCommand[] history = [new BookSlot(9, 1), new BookSlot(10, 2), new CancelSlot(10, 3), new BookSlot(10, 4), new CancelSlot(10, 5)];
        BoardChanged shown = null!;
        foreach (var command in history)
        {
            var reply = Send(system, command);
            shown = ChangeShowing(changes, command.SlotId, reply.StateVersion);
            Assert.Equal(["v" + shown.Version], Offer(client, shown));
        }

        if (how == "passivates") system.Tell(Day, BoardActor.PassivateDay.Instance, system.Kit.TestActor);
        else system.Tell(Day, BoardActor.Stop, system.Kit.TestActor);
        system.Kit.AwaitAssert(() => Assert.DoesNotContain(Day.EntityId, system.RunningBoards()), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(50));

        // The board starts again for the next booking; its change is newer than anything the client was shown.
        Send(system, new BookSlot(11, 4));
        var next = ChangeShowing(changes, 11, 1);
        Assert.True(next.Version > shown.Version, $"after a restart the board published version {next.Version}; the client was shown {shown.Version}");
        Assert.True(next.Slots.Single(s => s.SlotId == 9).IsBooked);
        Assert.False(next.Slots.Single(s => s.SlotId == 10).IsBooked);
        Assert.Equal(["v" + next.Version], Offer(client, next));
    }
}
