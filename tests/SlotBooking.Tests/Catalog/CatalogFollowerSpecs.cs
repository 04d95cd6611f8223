using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Catalog;
using SlotBooking.Tests.Actors;

namespace SlotBooking.Tests.Catalog;

/// <summary>
/// A node's follower of the catalog, with probes for the node's mediator and the catalog's proxy: it reads the whole
/// view when it starts, when its subscription is acknowledged, and when it sees a gap.
/// </summary>
public sealed class CatalogFollowerSpecs : Akka.TestKit.Xunit2.TestKit
{
    private static readonly CalendarDefinition Lab = LabDay.Lab;

    private readonly CalendarRegistry _registry = new(LabDay.Default, [Lab]);
    private readonly Akka.TestKit.TestProbe _mediator;
    private readonly Akka.TestKit.TestProbe _catalog;
    private readonly IActorRef _follower;

    private static readonly TimeSpan SubscriptionSpread = TimeSpan.FromMilliseconds(300);

    public CatalogFollowerSpecs()
    {
        _mediator = CreateTestProbe();
        _catalog = CreateTestProbe();
        _follower = Sys.ActorOf(CatalogFollower.Props(new CatalogMirror(_registry), _mediator.Ref, _catalog.Ref, TimeSpan.FromMinutes(10), SubscriptionSpread));
        Assert.Equal(CatalogTopic.Name, _mediator.ExpectMsg<Subscribe>().Topic);
        _catalog.ExpectMsg<ReadCatalogView>();
    }

    private static CatalogView View(long sequenceNr, long revision, params CalendarDefinition[] stored) => new(sequenceNr, revision, [.. stored], null);

    [Fact]
    public void Reads_once_subscribed_and_applies_the_answer_to_the_registry()
    {
        _follower.Tell(new SubscribeAck(new Subscribe(CatalogTopic.Name, _follower)));
        _catalog.ExpectMsg<ReadCatalogView>();
        _catalog.Reply(View(2, 7, Lab with { Name = "Lab 2" }));

        AwaitAssert(() => Assert.Equal("Lab 2", _registry.Find("lab")!.Name));
    }

    [Fact]
    public void Reads_once_more_when_the_subscription_has_had_time_to_spread_and_gets_what_was_published_meanwhile()
    {
        _follower.Tell(new SubscribeAck(new Subscribe(CatalogTopic.Name, _follower)));
        _catalog.ExpectMsg<ReadCatalogView>();
        _catalog.Reply(View(2, 7, Lab));

        // A change published before the catalog's node knew of this subscription missed it; the second read brings it.
        _catalog.ExpectMsg<ReadCatalogView>(TimeSpan.FromSeconds(5));
        _catalog.Reply(View(3, 8, Lab with { Name = "Lab 3" }));
        AwaitAssert(() => Assert.Equal("Lab 3", _registry.Find("lab")!.Name));
    }

    [Fact]
    public void A_gap_in_stored_events_makes_it_read_and_the_read_fills_it()
    {
        _follower.Tell(View(2, 7, Lab));
        _follower.Tell(new CalendarEventStored(3, 8, CalendarUpdated.Of(Lab with { Name = "Lab 3" })));
        AwaitAssert(() => Assert.Equal("Lab 3", _registry.Find("lab")!.Name));
        _catalog.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        // Event 4 was lost; 5 shows it.
        _follower.Tell(new CalendarEventStored(5, 10, new CalendarRetired("lab")));
        _catalog.ExpectMsg<ReadCatalogView>();
        Assert.False(_registry.Find("lab")!.Retired);
        _catalog.Reply(View(5, 10, Lab with { Name = "Lab 4", Retired = true }));
        AwaitAssert(() => Assert.Equal(("Lab 4", true), (_registry.Find("lab")!.Name, _registry.Find("lab")!.Retired)));
    }

    [Fact]
    public void A_stale_view_or_event_is_ignored_without_a_read()
    {
        _follower.Tell(View(4, 9, Lab with { Name = "Lab 4" }));
        AwaitAssert(() => Assert.Equal("Lab 4", _registry.Find("lab")!.Name));

        _follower.Tell(View(3, 8, Lab with { Name = "Lab 3" }));
        _follower.Tell(new CalendarEventStored(4, 9, CalendarUpdated.Of(Lab with { Name = "Lab 4 again" })));
        // Processed in order: a ready answer after them shows they were handled.
        _follower.Tell(WhenCatalogReady.Instance);
        ExpectMsg<CatalogReady>();
        Assert.Equal("Lab 4", _registry.Find("lab")!.Name);
        _catalog.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Readiness_is_answered_once_the_first_view_arrives()
    {
        _follower.Tell(WhenCatalogReady.Instance);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        _follower.Tell(View(0, 1, Lab));
        ExpectMsg<CatalogReady>();
    }
}
