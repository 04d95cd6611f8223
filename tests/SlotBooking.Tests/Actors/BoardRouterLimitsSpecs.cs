using Akka.Actor;
using Akka.Persistence.Sql.Query;
using Akka.TestKit;
using NodaTime;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Slots;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Actors;

/// <summary>
/// What the board router starts and stores, on a real SQLite journal: refused commands store nothing, reads of untouched
/// days start nothing, and no more days are alive than the cap allows.
/// </summary>
public sealed class BoardRouterLimitsSpecs : IDisposable
{
    private static readonly CalendarDefinition Lab = LabDay.Lab;
    private static readonly LocalDate Thursday = LabDay.Thursday;
    private static readonly BoardRouterSettings WithIndex = new(BoardRouterSettings.DefaultMaxLiveDays, BoardRouterSettings.ReadJournalAt(SqlReadJournal.Identifier));

    private readonly SlotActorSettings _settings = LabDay.SettingsAtHalfPastEight();
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    // The registry of the last system a router was started in: a test may change a calendar in it.
    private CalendarRegistry? _registry;

    private IActorRef StartRouter(TestKitBase kit, BoardRouterSettings routerSettings, SlotActorSettings? settings = null)
    {
        _registry = LabDay.Install(kit.Sys);
        return kit.Sys.ActorOf(BoardRouter.Props(kit.CreateTestProbe().Ref, settings ?? _settings, kit.CreateTestProbe().Ref, kit.CreateTestProbe().Ref, routerSettings), "days");
    }

    private static LiveDays Live(TestKitBase kit, IActorRef router)
    {
        router.Tell(GetLiveDays.Instance, kit.TestActor);
        return kit.ExpectMsg<LiveDays>();
    }

    /// <summary>Waits until the router has read the touched days from the journal.</summary>
    private static void AwaitIndex(TestKitBase kit, IActorRef router) =>
        kit.AwaitAssert(() => Assert.True(Live(kit, router).TouchedDaysKnown), TimeSpan.FromSeconds(10));

    private static BoardView Read(TestKitBase kit, IActorRef router, LocalDate date)
    {
        router.Tell(new BoardEnvelope(new BoardKey(Lab.Id, date), new ReadBoard(7)), kit.TestActor);
        return kit.ExpectMsg<BoardRead>().View;
    }

    private static SlotReply Send(TestKitBase kit, IActorRef router, LocalDate date, ISlotCommand command)
    {
        router.Tell(new BoardEnvelope(new BoardKey(Lab.Id, date), command), kit.TestActor);
        return kit.ExpectMsg<SlotReply>();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Refused_cancels_store_nothing_whether_the_router_or_the_day_refuses_them(bool withIndex)
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var router = StartRouter(kit, withIndex ? WithIndex : BoardRouterSettings.Default);
        if (withIndex) AwaitIndex(kit, router);
        // One booked day, so the journal exists and a touched day is among those cancelled on.
        Assert.True(Send(kit, router, Thursday, new BookSlot(10, CorrelationId: 1)).Result.Success);
        var rows = JournalRows.Count(_database.Path);

        // Every day of the horizon (free hours of untouched days, and a free hour of the booked one), and far beyond it.
        for (var day = 0; day <= Lab.HorizonDays; day++)
        {
            var reply = Send(kit, router, Thursday.PlusDays(day), new CancelSlot(12, CorrelationId: 100 + day));
            Assert.Equal(SlotOutcome.NotBooked, reply.Result.Outcome);
            Assert.Equal(100 + day, reply.CorrelationId);
        }
        foreach (var far in new[] { new LocalDate(9999, 12, 31), new LocalDate(2040, 1, 1), new LocalDate(1, 1, 1) })
            Assert.Equal(SlotOutcome.OutsideBookingWindow, Send(kit, router, far, new CancelSlot(12, CorrelationId: 3)).Result.Outcome);
        // A booking the calendar refuses (an anonymous one, once an admin has made the calendar for the signed in) stores nothing either.
        _registry!.Update(calendars => calendars.WithOthers([Lab with { Access = CalendarAccess.SignedIn }]));
        Assert.Equal(SlotOutcome.SignInRequired, Send(kit, router, Thursday.PlusDays(1), new BookSlot(11, CorrelationId: 4)).Result.Outcome);

        Assert.Equal(rows, JournalRows.Count(_database.Path));
        if (withIndex) Assert.Equal(1, Live(kit, router).Count);
    }

    [Fact]
    public void Reads_of_days_nobody_touched_start_no_day_and_show_every_slot_free()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var router = StartRouter(kit, WithIndex);
        AwaitIndex(kit, router);

        for (var day = -30; day <= Lab.HorizonDays; day++)
        {
            var view = Read(kit, router, Thursday.PlusDays(day));
            Assert.True(view.IsReady);
            Assert.Equal(Enumerable.Range(8, 12), view.Slots.Select(s => s.SlotId));
            Assert.All(view.Slots, s => Assert.False(s.IsBooked));
        }
        router.Tell(new BoardEnvelope(new BoardKey(Lab.Id, Thursday), GetBoard.Instance), kit.TestActor);
        Assert.Equal(0, kit.ExpectMsg<BoardView>().Version);

        Assert.Equal(0, Live(kit, router).Count);
    }

    [Fact]
    public void An_untouched_days_view_is_the_view_its_own_actor_gives()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var withoutIndex = StartRouter(kit, BoardRouterSettings.Default);
        var fromActor = Read(kit, withoutIndex, Thursday.PlusDays(3));

        var fromDefinition = BoardViews.Untouched(Lab, Thursday.PlusDays(3));

        Assert.Equal(fromActor.Slots.ToArray(), fromDefinition.Slots.ToArray());
        Assert.Equal(fromActor.Version, fromDefinition.Version);
        Assert.Equal(fromActor.SlotVersions.FirstSlotId, fromDefinition.SlotVersions.FirstSlotId);
        Assert.Equal(fromActor.SlotVersions.Versions.ToArray(), fromDefinition.SlotVersions.Versions.ToArray());
        Assert.Equal(fromActor.IsReady, fromDefinition.IsReady);
    }

    [Fact]
    public void A_day_touched_before_a_restart_is_read_from_its_journal_after_it()
    {
        using (var first = PersistentSystem.Start(_database.Path))
        {
            var router = StartRouter(first.Kit, WithIndex);
            AwaitIndex(first.Kit, router);
            Assert.True(Send(first.Kit, router, Thursday.PlusDays(2), new BookSlot(15, CorrelationId: 1)).Result.Success);
        }

        using var second = PersistentSystem.Start(_database.Path);
        var kit = second.Kit;
        var restarted = StartRouter(kit, WithIndex);
        AwaitIndex(kit, restarted);

        Assert.Equal(0, Live(kit, restarted).Count);
        Assert.True(Read(kit, restarted, Thursday.PlusDays(2)).Slots.Single(s => s.SlotId == 15).IsBooked);
        Assert.Equal(1, Live(kit, restarted).Count);
    }

    [Fact]
    public void A_day_touched_while_running_is_read_from_its_actor_once_it_has_passivated()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var router = StartRouter(kit, WithIndex, _settings with { IdleTimeout = TimeSpan.FromMilliseconds(300) });
        AwaitIndex(kit, router);
        Assert.True(Send(kit, router, Thursday.PlusDays(4), new BookSlot(16, CorrelationId: 1)).Result.Success);

        kit.AwaitAssert(() => Assert.Equal(0, Live(kit, router).Count), TimeSpan.FromSeconds(10));

        Assert.True(Read(kit, router, Thursday.PlusDays(4)).Slots.Single(s => s.SlotId == 16).IsBooked);
    }

    [Fact]
    public void A_read_journal_that_fails_to_start_fails_the_index_read_not_the_router_and_the_read_is_retried()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        // As the SQL read journal does when the write journal starts slowly: its first resolution throws (after 5 s).
        var resolutions = 0;
        var failingFirst = WithIndex with
        {
            PersistenceIds = sys => Interlocked.Increment(ref resolutions) == 1
                ? throw new AggregateException(new TimeoutException("the write journal did not start in time"))
                : WithIndex.PersistenceIds!(sys),
            IndexRetryDelay = TimeSpan.FromMilliseconds(200),
        };
        var router = StartRouter(kit, failingFirst);
        kit.Watch(router);

        Assert.True(Send(kit, router, Thursday, new BookSlot(10, CorrelationId: 1)).Result.Success);
        AwaitIndex(kit, router);
        Assert.Equal(2, Volatile.Read(ref resolutions));
        kit.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void No_more_days_than_the_cap_stay_alive_and_a_day_stopped_for_room_keeps_its_bookings()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var router = StartRouter(kit, new BoardRouterSettings(MaxLiveDays: 2, PersistenceIds: null));

        // Sent together: a day asked to stop for room while its booking is being stored finishes it first.
        for (var day = 0; day < 6; day++)
            router.Tell(new BoardEnvelope(new BoardKey(Lab.Id, Thursday.PlusDays(day)), new BookSlot(9 + day, CorrelationId: day)), kit.TestActor);
        var replies = Enumerable.Range(0, 6).Select(_ => kit.ExpectMsg<SlotReply>()).ToList();
        Assert.All(replies, r => Assert.True(r.Result.Success, r.Result.Message));

        kit.AwaitAssert(() => Assert.True(Live(kit, router).Count <= 2), TimeSpan.FromSeconds(10));
        for (var day = 0; day < 6; day++)
        {
            Assert.True(Read(kit, router, Thursday.PlusDays(day)).Slots.Single(s => s.SlotId == 9 + day).IsBooked);
            Assert.True(Live(kit, router).Count <= 3, "one day beyond the cap at most, while the one it replaces stops");
        }
    }
}
