using Akka.Actor;
using Akka.TestKit;
using NodaTime;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Slots;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Actors;

/// <summary>The board router on a real SQLite journal: routing by calendar and date, the default board, unknown calendars, idle days.</summary>
public sealed class BoardRouterSpecs : IDisposable
{
    private static readonly CalendarDefinition Lab = LabDay.Lab;
    private static readonly LocalDate Thursday = LabDay.Thursday;

    private readonly SlotActorSettings _settings = LabDay.SettingsAtHalfPastEight();

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static IActorRef StartRouter(TestKitBase kit, SlotActorSettings settings, IActorRef? defaultBoard = null)
    {
        LabDay.Install(kit.Sys);
        return kit.Sys.ActorOf(BoardRouter.Props(defaultBoard ?? kit.CreateTestProbe().Ref, settings, kit.CreateTestProbe().Ref, kit.CreateTestProbe().Ref), "days");
    }

    private static BoardView Read(TestKitBase kit, IActorRef router, LocalDate date)
    {
        router.Tell(new BoardEnvelope(new BoardKey("lab", date), new ReadBoard(7)), kit.TestActor);
        return kit.ExpectMsg<BoardRead>().View;
    }

    [Fact]
    public void Routes_each_day_to_its_own_actor()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var router = StartRouter(kit, _settings);

        router.Tell(new BoardEnvelope(new BoardKey("lab", Thursday), new BookSlot(9, CorrelationId: 1)), kit.TestActor);
        Assert.True(kit.ExpectMsg<SlotReply>().Result.Success);
        router.Tell(new BoardEnvelope(new BoardKey("lab", Thursday.PlusDays(1)), new BookSlot(9, CorrelationId: 2)), kit.TestActor);
        Assert.True(kit.ExpectMsg<SlotReply>().Result.Success);

        Assert.Equal([9], Read(kit, router, Thursday).Slots.Where(s => s.IsBooked).Select(s => s.SlotId));
        Assert.Equal([9], Read(kit, router, Thursday.PlusDays(1)).Slots.Where(s => s.IsBooked).Select(s => s.SlotId));
        Assert.Empty(Read(kit, router, Thursday.PlusDays(2)).Slots.Where(s => s.IsBooked));
    }

    [Fact]
    public void Hands_the_default_boards_messages_to_it_with_their_sender_and_starts_no_day()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var defaultBoard = kit.CreateTestProbe();
        var router = StartRouter(kit, _settings, defaultBoard.Ref);

        router.Tell(new BoardEnvelope(BoardKey.Default, new BookSlot(9, CorrelationId: 4)), kit.TestActor);

        Assert.Equal(4, defaultBoard.ExpectMsg<BookSlot>().CorrelationId);
        Assert.Equal(kit.TestActor, defaultBoard.LastSender);
        router.Tell(GetLiveDays.Instance, kit.TestActor);
        Assert.Equal(0, kit.ExpectMsg<LiveDays>().Count);
    }

    [Fact]
    public void Refuses_an_unknown_calendar_without_starting_a_day()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var router = StartRouter(kit, _settings);

        router.Tell(new BoardEnvelope(new BoardKey("nope", Thursday), new BookSlot(9, CorrelationId: 3)), kit.TestActor);
        var reply = kit.ExpectMsg<SlotReply>();
        Assert.Equal(3, reply.CorrelationId);
        Assert.Equal("Unknown calendar: nope", reply.Result.Message);

        // A wildcard that matches nothing answers once, with no subject.
        kit.Sys.ActorSelection("/user/days/*").Tell(new Identify(0), kit.TestActor);
        Assert.Null(kit.ExpectMsg<ActorIdentity>().Subject);
        kit.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void An_idle_day_and_its_slots_passivate_and_the_next_read_recovers_the_bookings()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var router = StartRouter(kit, _settings with { IdleTimeout = TimeSpan.FromMilliseconds(300) });

        router.Tell(new BoardEnvelope(new BoardKey("lab", Thursday), new BookSlot(10, CorrelationId: 1)), kit.TestActor);
        Assert.True(kit.ExpectMsg<SlotReply>().Result.Success);
        kit.Sys.ActorSelection("/user/days/lab-2026-11-26").Tell(new Identify(1), kit.TestActor);
        var day = kit.ExpectMsg<ActorIdentity>().Subject!;
        kit.Watch(day);
        kit.ExpectTerminated(day, TimeSpan.FromSeconds(10));

        kit.AwaitAssert(() => Assert.True(Read(kit, router, Thursday) is { IsReady: true } view && view.Slots.Single(s => s.SlotId == 10).IsBooked));
    }
}
