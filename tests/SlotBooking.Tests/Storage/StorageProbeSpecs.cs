using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using SlotBooking.Actors.Storage;
using SlotBooking.Tests.Actors;
using SlotBooking.Tests.Owners;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Storage;

/// <summary>
/// The storage probe on a virtual scheduler, with a test probe for the snapshot store: one save at start and one per
/// interval after each success, failures reported and retried after a doubling back-off, and no restart.
/// </summary>
public sealed class StorageProbeSpecs : TestKit
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Absence = TimeSpan.FromMilliseconds(300);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private readonly TestProbe _store;
    private readonly TestProbe _board;

    public StorageProbeSpecs() : base("akka.scheduler.implementation = \"Akka.TestKit.TestScheduler, Akka.TestKit\"")
    {
        _store = CreateTestProbe();
        _board = CreateTestProbe();
    }

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    private IActorRef StartProbe() => Sys.ActorOf(StorageProbeActor.Props(_board.Ref, Interval, _clock, _store.Ref));

    /// <summary>The probe's next save: the fixed key, stamped with the clock.</summary>
    private SaveSnapshot ExpectSave()
    {
        var save = _store.ExpectMsg<SaveSnapshot>();
        Assert.Equal((StorageProbeActor.Id, 0L), (save.Metadata.PersistenceId, save.Metadata.SequenceNr));
        Assert.Equal(new StorageProbeSnapshot(_clock.GetUtcNow()), save.Snapshot);
        return save;
    }

    /// <summary>Nothing is saved until <paramref name="delay"/> has passed on the scheduler, and then one save is.</summary>
    private SaveSnapshot ExpectSaveAfter(TimeSpan delay)
    {
        Scheduler.Advance(delay - TimeSpan.FromMilliseconds(1));
        _store.ExpectNoMsg(Absence);
        Scheduler.Advance(TimeSpan.FromMilliseconds(1));
        return ExpectSave();
    }

    [Fact]
    public void It_saves_at_start_and_then_once_per_interval_reporting_each_success()
    {
        var probe = StartProbe();

        for (var round = 0; round < 3; round++)
        {
            var save = round == 0 ? ExpectSave() : ExpectSaveAfter(Interval);
            probe.Tell(new SaveSnapshotSuccess(save.Metadata), _store.Ref);
            _board.ExpectMsg<StorageAvailable>();
            _clock.Advance(Interval);
        }
        _store.ExpectNoMsg(Absence);
    }

    [Fact]
    public void A_failed_save_is_reported_and_retried_after_a_doubling_back_off_without_a_restart()
    {
        var probe = StartProbe();
        Watch(probe);
        var save = ExpectSave();

        var delays = new List<TimeSpan>();
        for (var failures = 1; failures <= 7; failures++)
        {
            probe.Tell(new SaveSnapshotFailure(save.Metadata, new SqliteException("SQLite Error 5: 'database is locked'.", 5)), _store.Ref);
            Assert.Equal("SQLite Error 5: 'database is locked'.", _board.ExpectMsg<StorageFailed>().Problem);
            delays.Add(StorageProbeActor.RetryDelay(failures));
            // A restart would save again at once.
            save = ExpectSaveAfter(StorageProbeActor.RetryDelay(failures));
        }
        Assert.Equal([0.2, 0.4, 0.8, 1.6, 3.2, 5, 5], delays.Select(d => d.TotalSeconds));

        // Storage is back: reported, and the probe returns to its interval with the back-off reset.
        probe.Tell(new SaveSnapshotSuccess(save.Metadata), _store.Ref);
        _board.ExpectMsg<StorageAvailable>();
        save = ExpectSaveAfter(Interval);
        probe.Tell(new SaveSnapshotFailure(save.Metadata, new IOException("disk I/O error")), _store.Ref);
        Assert.Equal("disk I/O error", _board.ExpectMsg<StorageFailed>().Problem);
        ExpectSaveAfter(StorageProbeActor.FirstRetryDelay);
        ExpectNoMsg(Absence); // not terminated
    }
}

/// <summary>
/// The storage probe on the real SQLite file: each probe replaces one snapshot row and writes nothing to the journal,
/// a locked database is reported and then storage coming back, and a journal with the probe events of earlier versions
/// still recovers and reads.
/// </summary>
public sealed class StorageProbeStorageSpecs : IDisposable
{
    private static readonly TimeSpan Hourly = TimeSpan.FromHours(1);
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Each_probe_replaces_the_one_snapshot_row_and_the_journal_is_left_alone()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var board = kit.CreateTestProbe();
        new OwnerSpecKit(kit).Book(OwnerSpecKit.Default(3), "alice@example.org");
        Assert.Equal(1, JournalRows.Count(_database.Path));

        // Hourly: each start probes once, so each save is known.
        for (var start = 0; start < 3; start++)
        {
            var probe = kit.Sys.ActorOf(StorageProbeActor.Props(board.Ref, Hourly, _clock));
            board.ExpectMsg<StorageAvailable>();
            Assert.Equal([(StorageProbeActor.Id, 0L, _clock.GetUtcNow().UtcTicks)], SnapshotRows());
            kit.Watch(probe);
            kit.Sys.Stop(probe);
            kit.ExpectTerminated(probe);
            _clock.Advance(TimeSpan.FromMinutes(1));
        }
        Assert.Equal(1, JournalRows.Count(_database.Path));
        board.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void A_locked_database_is_reported_and_then_storage_coming_back()
    {
        using var system = PersistentSystem.Start(_database.Path, options: o => o.BusyTimeout = TimeSpan.FromMilliseconds(300));
        var kit = system.Kit;
        var board = kit.CreateTestProbe();
        kit.Sys.ActorOf(StorageProbeActor.Props(board.Ref, TimeSpan.FromMilliseconds(100), _clock));
        board.ExpectMsg<StorageAvailable>();

        using (var blocker = new SqliteConnection($"Data Source={_database.Path};Pooling=False"))
        {
            blocker.Open();
            using var writeLock = blocker.BeginTransaction(deferred: false);
            var failed = board.FishForMessage<StorageFailed>(_ => true, TimeSpan.FromSeconds(15));
            Assert.Contains("locked", failed.Problem);
        }

        board.FishForMessage<StorageAvailable>(_ => true, TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task A_journal_with_the_probe_events_of_earlier_versions_recovers_and_reads_them()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "journal-v1.db"), _database.Path, overwrite: true);
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var board = kit.CreateTestProbe();

        kit.Sys.ActorOf(StorageProbeActor.Props(board.Ref, Hourly, _clock));
        board.ExpectMsg<StorageAvailable>();
        Assert.Equal(9, JournalRows.Count(_database.Path));

        // The old events still read: through the query every all-events read (the owners' projection) goes through.
        var journal = PersistenceQuery.Get(kit.Sys).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        var probed = await journal.CurrentEventsByPersistenceId(StorageProbeActor.Id, 0, long.MaxValue)
            .RunWith(Sink.Seq<EventEnvelope>(), kit.Sys.Materializer());
        Assert.Equal(new StorageProbed(DateTimeOffset.Parse("2026-11-25T22:24:15.0477969+00:00")), Assert.Single(probed).Event);
    }

    private List<(string, long, long)> SnapshotRows()
    {
        using var connection = new SqliteConnection($"Data Source={_database.Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT persistence_id, sequence_number, created FROM snapshot";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, long, long)>();
        while (reader.Read()) rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
        return rows;
    }
}
