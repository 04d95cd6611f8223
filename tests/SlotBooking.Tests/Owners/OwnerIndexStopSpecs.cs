using Akka.Actor;
using Akka.TestKit;
using SlotBooking.Actors.Owners;
using SlotBooking.Host.Persistence;
using SlotBooking.Tests.Actors;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Owners;

/// <summary>
/// The index stopping an owner's idle read model, and the races around it: the child's idle report and a request can
/// pass each other, so the index takes the child out of its map at once and sends the stop after everything else; what
/// reached the stopping child is answered by it or handed back, and what comes later starts a new incarnation under a
/// fresh name. The child's idle report is sent here by the spec, on the child's behalf, to place it exactly.
/// </summary>
public sealed class OwnerIndexStopSpecs : IDisposable
{
    private const string Alice = "alice@example.org";

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    /// <summary>The owner's read model; awaited, since the index may still be recovering (Identify skips its mailbox).</summary>
    private static IActorRef RunningChild(TestKitBase kit, string owner)
    {
        IActorRef? child = null;
        kit.AwaitAssert(() =>
        {
            kit.Sys.ActorSelection($"/user/owners/{OwnerNames.For(owner)}-*").Tell(new Identify(0), kit.TestActor);
            child = kit.ExpectMsg<ActorIdentity>().Subject;
            Assert.NotNull(child);
        }, TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(20));
        return child!;
    }

    [Fact]
    public void A_read_that_reached_the_read_model_after_its_idle_report_is_answered_by_it_and_a_later_one_by_a_new_incarnation()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var slots = new OwnerSpecKit(kit);
        slots.Book(OwnerSpecKit.Lab(9), Alice);
        var owners = kit.Sys.ActorOf(OwnerIndex.Props(OwnerSpecKit.Settings()), "owners");
        Assert.Equal(["lab 2026-11-26 9"], OwnerSpecKit.Slots(slots.Read(owners, Alice)));
        var first = RunningChild(kit, Alice);
        kit.Watch(first);

        var before = kit.CreateTestProbe();
        var after = kit.CreateTestProbe();
        owners.Tell(new GetMyBookings(Alice), before.Ref);
        owners.Tell(new OwnerBookingsIdle(Alice), first);
        owners.Tell(new GetMyBookings(Alice), after.Ref);

        Assert.Equal(["lab 2026-11-26 9"], OwnerSpecKit.Slots(before.ExpectMsg<MyBookingsRead>()));
        Assert.Equal(first, before.LastSender);
        Assert.Equal(["lab 2026-11-26 9"], OwnerSpecKit.Slots(after.ExpectMsg<MyBookingsRead>()));
        Assert.NotEqual(first, after.LastSender);
        Assert.NotEqual(first.Path.Name, after.LastSender.Path.Name);
        kit.ExpectTerminated(first);
        Assert.Equal(after.LastSender, RunningChild(kit, Alice));
    }

    [Fact]
    public async Task A_read_still_waiting_for_the_journal_in_a_stopped_read_model_is_handed_to_the_next_incarnation()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var slots = new OwnerSpecKit(kit);
        slots.Book(OwnerSpecKit.Lab(9), Alice);
        var gated = new GatedJournal();
        var settings = OwnerSpecKit.Settings() with { ReadJournal = s => gated.Over(PromptAllEvents.Of(s)) };
        var owners = kit.Sys.ActorOf(OwnerIndex.Props(settings), "owners");

        // A connection comes and goes while the index is still reading: a read model runs, holding nothing.
        var watcher = new RecordingSubscriber();
        owners.Tell(new WatchOwner(Alice, watcher));
        owners.Tell(new UnwatchOwner(Alice, watcher));
        var first = RunningChild(kit, Alice);
        kit.Watch(first);

        // A read reaches it and waits for the journal; then its idle report, sent before the read reached it, arrives.
        var reader = kit.CreateTestProbe();
        owners.Tell(new GetMyBookings(Alice), reader.Ref);
        owners.Tell(new OwnerBookingsIdle(Alice), first);
        kit.ExpectTerminated(first);
        var later = kit.CreateTestProbe();
        owners.Tell(new GetMyBookings(Alice), later.Ref);

        await gated.FirstEventRead.WaitAsync(TimeSpan.FromSeconds(15));
        gated.Release();
        Assert.Equal(["lab 2026-11-26 9"], OwnerSpecKit.Slots(reader.ExpectMsg<MyBookingsRead>()));
        Assert.Equal(["lab 2026-11-26 9"], OwnerSpecKit.Slots(later.ExpectMsg<MyBookingsRead>()));
        var second = RunningChild(kit, Alice);
        Assert.Equal(second, reader.LastSender);
        Assert.Equal(second, later.LastSender);
        Assert.True(watcher.HasNothingMore);
    }

    [Fact]
    public async Task A_read_model_an_owners_connection_watches_is_not_stopped_and_keeps_pushing()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var slots = new OwnerSpecKit(kit);
        var owners = kit.Sys.ActorOf(OwnerIndex.Props(OwnerSpecKit.Settings()), "owners");
        var watcher = new RecordingSubscriber();
        owners.Tell(new WatchOwner(Alice, watcher));
        Assert.Equal(0, (await watcher.NextAsync()).Version);
        var child = RunningChild(kit, Alice);

        owners.Tell(new OwnerBookingsIdle(Alice), child);
        slots.Read(owners, Alice);
        Assert.Equal(child, kit.LastSender);

        slots.Book(OwnerSpecKit.Lab(9), Alice);
        Assert.Equal(1, (await watcher.NextAsync()).Version);
    }

    [Fact]
    public void An_old_incarnations_idle_report_does_not_stop_the_new_one()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var slots = new OwnerSpecKit(kit);
        var owners = kit.Sys.ActorOf(OwnerIndex.Props(OwnerSpecKit.Settings()), "owners");
        slots.Read(owners, Alice);
        var first = kit.LastSender;
        kit.Watch(first);
        owners.Tell(new OwnerBookingsIdle(Alice), first);
        kit.ExpectTerminated(first);
        slots.Read(owners, Alice);
        var second = kit.LastSender;
        Assert.NotEqual(first, second);

        // The first one's report again (as if it had repeated before it stopped): the second keeps running.
        owners.Tell(new OwnerBookingsIdle(Alice), first);
        slots.Read(owners, Alice);
        Assert.Equal(second, kit.LastSender);
    }

    [Fact]
    public void An_idle_read_model_reports_itself_and_is_stopped_by_the_index_and_a_later_read_starts_it_again()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var slots = new OwnerSpecKit(kit);
        var owners = kit.Sys.ActorOf(OwnerIndex.Props(OwnerSpecKit.Settings(idleTimeout: TimeSpan.FromMilliseconds(200))), "owners");
        slots.Read(owners, Alice);
        var first = kit.LastSender;
        kit.Watch(first);

        kit.ExpectTerminated(first);
        slots.Book(OwnerSpecKit.Default(4), Alice);
        Assert.Equal(["default 4"], OwnerSpecKit.Slots(slots.Read(owners, Alice)));
        Assert.NotEqual(first.Path.Name, kit.LastSender.Path.Name);
    }
}
