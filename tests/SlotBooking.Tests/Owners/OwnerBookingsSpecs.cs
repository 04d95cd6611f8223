using Akka;
using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Journal;
using Akka.Persistence.Query;
using Akka.Streams.Dsl;
using NodaTime;
using Offset = Akka.Persistence.Query.Offset;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Owners;
using SlotBooking.Host.Persistence;
using SlotBooking.Tests.Actors;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Owners;

/// <summary>
/// Each owner's bookings on a real SQLite journal: rebuilt by one all-events query, merged with live changes in any
/// order, kept to the owner, pushed to watchers, stopped when idle, and never answered partially when a read fails.
/// </summary>
public sealed class OwnerBookingsSpecs : IDisposable
{
    private const string Alice = "alice@example.org";
    private const string Bob = "bob@example.org";

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static ICurrentAllEventsQuery RealJournal(ActorSystem system) => PromptAllEvents.Of(system);

    [Fact]
    public void Bookings_are_rebuilt_from_the_journal_after_the_actor_and_then_the_whole_system_restart()
    {
        MyBookingsRead before;
        using (var first = PersistentSystem.Start(_database.Path))
        {
            var kit = first.Kit;
            var slots = new OwnerSpecKit(kit);
            slots.Book(OwnerSpecKit.Lab(10), Alice);
            slots.Book(OwnerSpecKit.Default(3), Alice);
            slots.Book(OwnerSpecKit.Lab(9), Alice);

            var owner = kit.Sys.ActorOf(OwnerIndex.Props(OwnerSpecKit.Settings()));
            before = slots.Read(owner, Alice);
            // The undated booking first, then by start; 09:00 in Berlin is 08:00Z.
            Assert.Equal(["default 3", "lab 2026-11-26 9", "lab 2026-11-26 10"], OwnerSpecKit.Slots(before));
            Assert.Equal(Instant.FromUtc(2026, 11, 26, 8, 0), before.Bookings[1].StartsAt);
            Assert.Equal(Instant.FromUtc(2026, 11, 26, 9, 0), before.Bookings[1].EndsAt);
            Assert.Null(before.Bookings[0].StartsAt);
            Assert.Equal(OwnerSpecKit.SlotSettings.Clock.GetUtcNow(), before.Bookings[0].BookedAt);
            Assert.Equal(3, before.Version);

            kit.Watch(owner);
            kit.Sys.Stop(owner);
            kit.ExpectTerminated(owner);
            var restarted = slots.Read(kit.Sys.ActorOf(OwnerIndex.Props(OwnerSpecKit.Settings())), Alice);
            Assert.Equal(before.Bookings, restarted.Bookings);
            Assert.Equal(before.Version, restarted.Version);
        }

        using var second = PersistentSystem.Start(_database.Path);
        var rebuilt = new OwnerSpecKit(second.Kit).Read(second.Kit.Sys.ActorOf(OwnerIndex.Props(OwnerSpecKit.Settings())), Alice);
        Assert.Equal(before.Bookings, rebuilt.Bookings);
        Assert.Equal(before.Version, rebuilt.Version);
    }

    [Fact]
    public void A_start_reads_only_the_journal_after_the_saved_projection_and_misses_nothing()
    {
        using (var first = PersistentSystem.Start(_database.Path))
        {
            var kit = first.Kit;
            var slots = new OwnerSpecKit(kit);
            slots.Book(OwnerSpecKit.Lab(9), Alice);
            slots.Book(OwnerSpecKit.Default(3), Alice);
            slots.Book(OwnerSpecKit.Lab(11), Alice);
            slots.Cancel(OwnerSpecKit.Lab(11), Alice);
            Assert.Equal(["default 3", "lab 2026-11-26 9"], OwnerSpecKit.Slots(slots.Read(kit.Sys.ActorOf(OwnerIndex.Props(OwnerSpecKit.Settings())), Alice)));
            // The read is saved as the projection's snapshot.
            kit.AwaitAssert(() =>
            {
                var store = Akka.Persistence.Persistence.Instance.Apply(kit.Sys).SnapshotStoreFor(null);
                store.Tell(new LoadSnapshot(OwnerIndex.Id, SnapshotSelectionCriteria.Latest, long.MaxValue), kit.TestActor);
                Assert.NotNull(kit.ExpectMsg<LoadSnapshotResult>().Snapshot);
            }, TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(100));
        }

        using var second = PersistentSystem.Start(_database.Path);
        var secondKit = second.Kit;
        var later = new OwnerSpecKit(secondKit);
        later.Book(OwnerSpecKit.Lab(10), Alice);
        later.Cancel(OwnerSpecKit.Lab(9), Alice);
        var asked = new List<Offset>();
        var settings = OwnerSpecKit.Settings() with { ReadJournal = s => new RecordingFrom(RealJournal(s), asked) };
        var rebuilt = later.Read(secondKit.Sys.ActorOf(OwnerIndex.Props(settings)), Alice);
        Assert.Equal(["default 3", "lab 2026-11-26 10"], OwnerSpecKit.Slots(rebuilt));
        Assert.True(Assert.Single(asked) is Sequence { Value: > 0 }, $"read from {asked.Single()}, not from the saved offset");
    }

    [Fact]
    public async Task A_booking_then_its_cancellation_ends_with_none_and_a_watcher_is_shown_each_step()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var slots = new OwnerSpecKit(kit);
        var owners = kit.Sys.ActorOf(OwnerIndex.Props(OwnerSpecKit.Settings()), "owners");
        var watcher = new RecordingSubscriber();

        owners.Tell(new WatchOwner(Alice, watcher));
        Assert.Equal(("""{"type":"my_bookings","bookings":[]}""", 0L), await watcher.NextAsync());

        slots.Book(OwnerSpecKit.Lab(9), Alice);
        var (booked, bookedVersion) = await watcher.NextAsync();
        Assert.Equal(1, bookedVersion);
        Assert.Equal(
            """{"type":"my_bookings","bookings":[{"calendar":"lab","date":"2026-11-26","slot_id":9,"starts_at":"2026-11-26T08:00:00.000000+00:00","ends_at":"2026-11-26T09:00:00.000000+00:00","booked_at":"2026-11-26T07:30:00.000000+00:00"}]}""",
            booked);

        slots.Cancel(OwnerSpecKit.Lab(9), Alice);
        Assert.Equal(("""{"type":"my_bookings","bookings":[]}""", 2L), await watcher.NextAsync());
        Assert.Empty(slots.Read(owners, Alice).Bookings);

        // Rebuilt from the journal alone, the cancellation still wins.
        var rebuilt = slots.Read(kit.Sys.ActorOf(OwnerIndex.Props(OwnerSpecKit.Settings())), Alice);
        Assert.Empty(rebuilt.Bookings);
        Assert.Equal(2, rebuilt.Version);
    }

    [Fact]
    public async Task Live_changes_that_arrive_before_the_query_result_are_neither_lost_nor_counted_twice()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var slots = new OwnerSpecKit(kit);
        var changes = kit.CreateTestProbe();
        kit.Sys.EventStream.Subscribe(changes.Ref, typeof(OwnedSlotChanged));

        slots.Book(OwnerSpecKit.Lab(9), Alice);
        var booked9 = changes.ExpectMsg<OwnedSlotChanged>();

        var gated = new GatedJournal();
        var settings = OwnerSpecKit.Settings() with { ReadJournal = s => gated.Over(RealJournal(s)) };
        var owner = kit.Sys.ActorOf(OwnerIndex.Props(settings));
        var watcher = new RecordingSubscriber();
        owner.Tell(new WatchOwner(Alice, watcher));
        owner.Tell(new GetMyBookings(Alice), kit.TestActor);

        // The query has read slot 9 as booked; what happens now is stored after its end.
        await gated.FirstEventRead.WaitAsync(TimeSpan.FromSeconds(15));
        slots.Book(OwnerSpecKit.Lab(10), Alice);
        var booked10 = changes.ExpectMsg<OwnedSlotChanged>();
        slots.Cancel(OwnerSpecKit.Lab(9), Alice);
        var cancelled9 = changes.ExpectMsg<OwnedSlotChanged>();
        owner.Tell(booked10);
        owner.Tell(cancelled9);
        owner.Tell(booked9);   // older than what is known of slot 9
        owner.Tell(booked10);  // the same change twice
        // Processed in order: the read is still held (an answer would arrive before the identity).
        owner.Tell(new Identify(1), kit.TestActor);
        kit.ExpectMsg<ActorIdentity>();

        gated.Release();
        var read = kit.ExpectMsg<MyBookingsRead>();
        Assert.Equal(["lab 2026-11-26 10"], OwnerSpecKit.Slots(read));
        Assert.Equal(booked10.SequenceNr + cancelled9.SequenceNr, read.Version);
        var (frame, version) = await watcher.NextAsync();
        Assert.Equal(read.Version, version);
        Assert.Contains("\"slot_id\":10", frame);
        Assert.DoesNotContain("\"slot_id\":9", frame);
        Assert.True(watcher.HasNothingMore);

        // The journal alone tells the same.
        var rebuilt = slots.Read(kit.Sys.ActorOf(OwnerIndex.Props(OwnerSpecKit.Settings())), Alice);
        Assert.Equal(read.Bookings, rebuilt.Bookings);
        Assert.Equal(read.Version, rebuilt.Version);
    }

    [Fact]
    public async Task Another_owners_events_never_show_live_or_from_the_journal()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var slots = new OwnerSpecKit(kit);
        var owners = kit.Sys.ActorOf(OwnerIndex.Props(OwnerSpecKit.Settings()), "owners");
        var watcher = new RecordingSubscriber();
        owners.Tell(new WatchOwner(Alice, watcher));
        Assert.Equal(0, (await watcher.NextAsync()).Version);

        slots.Book(OwnerSpecKit.Lab(11), Bob);
        // Bob's booking written tagged with Alice's name, as an older version could have: the event's owner decides.
        var forged = kit.Sys.ActorOf(Props.Create(() => new TaggedWriter(OwnerSpecKit.Lab(13).PersistenceId)));
        forged.Tell(new Tagged(new SlotBooked(13, OwnerSpecKit.SlotSettings.Clock.GetUtcNow()) { Owner = Bob }, [OwnerNames.For(Alice)]), kit.TestActor);
        kit.ExpectMsg("stored");
        slots.Book(OwnerSpecKit.Lab(12), Alice);

        var (frame, version) = await watcher.NextAsync();
        Assert.Equal(1, version);
        Assert.Contains("\"slot_id\":12", frame);
        Assert.Equal(["lab 2026-11-26 12"], OwnerSpecKit.Slots(slots.Read(owners, Alice)));
        Assert.Equal(["lab 2026-11-26 11"], OwnerSpecKit.Slots(slots.Read(owners, Bob)));

        // A change naming Bob that reaches Alice's read model is ignored there.
        owners.Tell(new OwnedSlotChanged(Bob, OwnerSpecKit.Lab(14).PersistenceId, 1, "lab", LabDay.Thursday, 14, DateTimeOffset.UtcNow));
        Assert.Equal(["lab 2026-11-26 12"], OwnerSpecKit.Slots(slots.Read(owners, Alice)));
        Assert.Equal(["lab 2026-11-26 11", "lab 2026-11-26 14"], OwnerSpecKit.Slots(slots.Read(owners, Bob)));
        Assert.True(watcher.HasNothingMore);
    }

    [Fact]
    public async Task A_burst_of_changes_is_pushed_as_the_first_at_once_and_the_newest_after_the_interval()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var settings = OwnerSpecKit.Settings() with { PushInterval = TimeSpan.FromMilliseconds(500) };
        var alice = kit.Sys.ActorOf(OwnerBookings.Props(Alice, settings, OwnedSlots.Empty));
        var watcher = new RecordingSubscriber();
        alice.Tell(new WatchOwner(Alice, watcher));
        Assert.Equal(0, (await watcher.NextAsync()).Version);

        var slots = OwnedSlots.Empty;
        OwnerSlots Booked(int hour) =>
            new(slots = slots.Merge(new OwnedSlotChanged(Alice, OwnerSpecKit.Lab(hour).PersistenceId, 1, "lab", LabDay.Thursday, hour, OwnerSpecKit.SlotSettings.Clock.GetUtcNow())));
        alice.Tell(Booked(9));
        Assert.Equal(1, (await watcher.NextAsync()).Version);
        alice.Tell(Booked(10));
        alice.Tell(Booked(11));
        // Processed, and held back: nothing more is offered until the interval ends.
        alice.Tell(new Identify(0), kit.TestActor);
        kit.ExpectMsg<ActorIdentity>();
        Assert.True(watcher.HasNothingMore);

        var (frame, version) = await watcher.NextAsync();
        Assert.Equal(3, version);
        Assert.Contains("\"slot_id\":11", frame);
        Assert.Contains("\"slot_id\":10", frame);
    }

    [Fact]
    public void An_owner_nobody_watches_stops_when_idle_and_a_later_read_includes_what_changed_meanwhile()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var slots = new OwnerSpecKit(kit);
        var owners = kit.Sys.ActorOf(OwnerIndex.Props(OwnerSpecKit.Settings(idleTimeout: TimeSpan.FromMilliseconds(200))), "owners");

        Assert.Empty(slots.Read(owners, Alice).Bookings);
        kit.AwaitAssert(() =>
        {
            kit.Sys.ActorSelection($"/user/owners/{OwnerNames.For(Alice)}-*").Tell(new Identify(0), kit.TestActor);
            Assert.Null(kit.ExpectMsg<ActorIdentity>().Subject);
        }, TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(50));

        // No read model is running for Alice: the change is dropped, and the next one reads it from the journal.
        slots.Book(OwnerSpecKit.Default(4), Alice);
        Assert.Equal(["default 4"], OwnerSpecKit.Slots(slots.Read(owners, Alice)));
    }

    [Fact]
    public async Task An_owner_whose_read_model_fails_is_rebuilt_for_the_connections_still_watching()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var slots = new OwnerSpecKit(kit);
        var owners = kit.Sys.ActorOf(OwnerIndex.Props(OwnerSpecKit.Settings()), "owners");
        var watcher = new RecordingSubscriber();
        owners.Tell(new WatchOwner(Alice, watcher));
        Assert.Equal(0, (await watcher.NextAsync()).Version);

        kit.Sys.ActorSelection($"/user/owners/{OwnerNames.For(Alice)}-*").Tell(Kill.Instance);
        slots.Book(OwnerSpecKit.Lab(9), Alice);

        // The new read model shows the watcher its bookings (perhaps first as they were, if it read before the booking).
        var (frame, version) = await watcher.NextAsync();
        if (version == 0) (frame, version) = await watcher.NextAsync();
        Assert.Equal(1, version);
        Assert.Contains("\"slot_id\":9", frame);
    }

    [Fact]
    public async Task A_failed_read_is_answered_as_unavailable_not_with_what_was_read_and_is_retried()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var slots = new OwnerSpecKit(kit);
        slots.Book(OwnerSpecKit.Lab(9), Alice);
        slots.Book(OwnerSpecKit.Lab(10), Alice);

        var attempts = 0;
        var retry = new GatedJournal();
        var settings = OwnerSpecKit.Settings() with
        {
            FirstRetryDelay = TimeSpan.FromMilliseconds(50),
            // The first read fails after its first event; the retry reads everything, once released.
            ReadJournal = s => Interlocked.Increment(ref attempts) == 1 ? new FailingAfterFirst(RealJournal(s)) : retry.Over(RealJournal(s)),
        };
        var owner = kit.Sys.ActorOf(OwnerIndex.Props(settings));
        var watcher = new RecordingSubscriber();
        owner.Tell(new WatchOwner(Alice, watcher));
        owner.Tell(new GetMyBookings(Alice), kit.TestActor);

        Assert.Contains("storage fell over", kit.ExpectMsg<MyBookingsUnavailable>().Problem);
        Assert.True(watcher.HasNothingMore);

        owner.Tell(new GetMyBookings(Alice), kit.TestActor);
        await retry.FirstEventRead.WaitAsync(TimeSpan.FromSeconds(15));
        retry.Release();
        Assert.Equal(["lab 2026-11-26 9", "lab 2026-11-26 10"], OwnerSpecKit.Slots(kit.ExpectMsg<MyBookingsRead>()));
        Assert.Equal(2, (await watcher.NextAsync()).Version);
    }

    /// <summary>A read journal that records the offset each all-events query starts from.</summary>
    private sealed class RecordingFrom(ICurrentAllEventsQuery real, List<Offset> asked) : ICurrentAllEventsQuery
    {
        public Source<EventEnvelope, NotUsed> CurrentAllEvents(Offset offset)
        {
            lock (asked) asked.Add(offset);
            return real.CurrentAllEvents(offset);
        }
    }

    /// <summary>A read that delivers its first event and then fails, as a connection lost mid-query would.</summary>
    private sealed class FailingAfterFirst(ICurrentAllEventsQuery real) : ICurrentAllEventsQuery
    {
        public Source<EventEnvelope, NotUsed> CurrentAllEvents(Offset offset) =>
            real.CurrentAllEvents(offset).Take(1).Concat(Source.Failed<EventEnvelope>(new IOException("storage fell over")));
    }

    /// <summary>Persists whatever it is sent (a <see cref="Tagged"/> event) under a slot's persistence id.</summary>
    private sealed class TaggedWriter : ReceivePersistentActor
    {
        public TaggedWriter(string persistenceId)
        {
            PersistenceId = persistenceId;
            Command<Tagged>(tagged => Persist(tagged, _ => Sender.Tell("stored")));
        }

        public override string PersistenceId { get; }
    }
}
