using Akka;
using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Persistence.Sql.Query.InternalProtocol;
using Akka.Streams;
using Akka.Streams.Dsl;
using Microsoft.Data.Sqlite;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Slots;
using SlotBooking.Actors.Owners;
using SlotBooking.Host.Persistence;
using SlotBooking.Tests.Actors;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Owners;

/// <summary>
/// The owners' projection's first read (every <c>my_bookings</c> answer waits for it) never waits for the read journal's
/// journal-sequence actor to poll: not after a write that actor has not seen, and not on a journal whose ordering has
/// the gaps that earlier versions' storage probe left. The poll here comes once an hour, so any wait for it fails.
/// </summary>
public sealed class PromptFirstReadSpecs : IDisposable
{
    private const string Alice = "alice@example.org";
    private const string HourlyPoll = "akka.persistence.query.journal.sql.journal-sequence-retrieval.query-delay = 1h";

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void A_booking_stored_after_the_sequence_actor_polled_is_in_the_first_read_at_once()
    {
        using var system = PersistentSystem.Start(_database.Path, HourlyPoll);
        var kit = system.Kit;
        var slots = new OwnerSpecKit(kit);
        slots.Book(OwnerSpecKit.Lab(9), Alice);
        // The read journal starts its sequence actor, which polls once now and then not for an hour.
        PersistenceQuery.Get(kit.Sys).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        var seen = NewestOrdering();
        kit.AwaitAssert(() => Assert.Equal(seen, SequenceActorMax(kit.Sys)), TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(50));

        // Stored after that poll, just before the projection starts: the actor will not see it for an hour.
        slots.Book(OwnerSpecKit.Default(3), Alice);
        Assert.True(NewestOrdering() > seen);
        Assert.Equal(seen, SequenceActorMax(kit.Sys));

        var owners = kit.Sys.ActorOf(OwnerIndex.Props(OwnerSpecKit.Settings() with { ReadJournal = PromptAllEvents.Of }));
        Assert.Equal(["default 3", "lab 2026-11-26 9"], OwnerSpecKit.Slots(slots.Read(owners, Alice)));
    }

    [Fact]
    public void A_journal_with_the_gaps_of_deleted_probe_events_is_read_at_once()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "journal-v3.db"), _database.Path, overwrite: true);
        using var system = PersistentSystem.Start(_database.Path, HourlyPoll);
        var kit = system.Kit;

        var owners = kit.Sys.ActorOf(OwnerIndex.Props(OwnerSpecKit.Settings() with { ReadJournal = PromptAllEvents.Of }));
        Assert.Equal(["default 9"], OwnerSpecKit.Slots(new OwnerSpecKit(kit).Read(owners, "Alice@Example.org")));
    }

    [Fact]
    public async Task A_write_after_the_newest_ordering_was_read_ends_up_in_the_next_read_and_does_not_hold_this_one()
    {
        using var system = PersistentSystem.Start(_database.Path, HourlyPoll);
        var kit = system.Kit;
        new OwnerSpecKit(kit).Book(OwnerSpecKit.Lab(9), Alice);
        var slot = kit.Sys.ActorOf(SlotActor.Props(OwnerSpecKit.Default(3), OwnerSpecKit.SlotSettings, kit.CreateTestProbe().Ref));
        var real = PersistenceQuery.Get(kit.Sys).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        // The plugin's query reads its own newest ordering after this booking: the sequence actor has not seen it.
        var query = new PromptAllEvents(kit.Sys, new BookingFirst(real, () =>
            slot.Ask<SlotReply>(new BookSlot(3, 1) { By = Requester.SignedIn(Alice) }, TimeSpan.FromSeconds(15))), system.Database);

        var read = await query.CurrentAllEvents(Offset.NoOffset()).RunWith(Sink.Seq<EventEnvelope>(), kit.Sys.Materializer())
            .WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal([OwnerSpecKit.Lab(9).PersistenceId], read.Select(e => e.PersistenceId));
        Assert.Equal(2, JournalRows.Count(_database.Path));
        var next = await new PromptAllEvents(kit.Sys, real, system.Database).CurrentAllEvents(read[^1].Offset).RunWith(Sink.Seq<EventEnvelope>(), kit.Sys.Materializer())
            .WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal([OwnerSpecKit.Default(3).PersistenceId], next.Select(e => e.PersistenceId));
    }

    private long NewestOrdering()
    {
        using var connection = new SqliteConnection($"Data Source={_database.Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(ordering) FROM journal";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The plugin's query, after a booking is stored.</summary>
    private sealed class BookingFirst(ICurrentAllEventsQuery real, Func<Task<SlotReply>> book) : ICurrentAllEventsQuery
    {
        public Source<EventEnvelope, NotUsed> CurrentAllEvents(Offset offset) =>
            Source.FromTask(book()).ConcatMany(reply => reply.Result.Success
                ? real.CurrentAllEvents(offset)
                : Source.Failed<EventEnvelope>(new InvalidOperationException(reply.Result.Message)));
    }

    /// <summary>How far the sequence actor has seen: what the plugin's queries read up to.</summary>
    private static long SequenceActorMax(ActorSystem system) =>
        system.ActorSelection(PromptAllEvents.SequenceActorPath)
            .Ask<MaxOrderingId>(GetMaxOrderingId.Instance, TimeSpan.FromSeconds(5)).GetAwaiter().GetResult().Max;
}
