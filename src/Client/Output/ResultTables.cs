using System.Globalization;
using SlotBooking.Client.Fanout;
using SlotBooking.Client.Load;
using SlotBooking.Client.Seeding;
using SlotBooking.Client.Stats;
using SlotBooking.Client.Storage;

namespace SlotBooking.Client.Output;

/// <summary>The human-readable summary of each kind of run.</summary>
public static class ResultTables
{
    public static SummaryTable For(LoadResult r, TimeSpan warmup)
    {
        var e = r.ErrorBreakdown;
        return new SummaryTable($"load: {r.Clients:N0} clients ({r.ConnectedClients:N0} connected), slots {r.Slots}, {r.Seconds:0.#} s measured after {warmup.TotalSeconds:0.#} s warm-up")
            .Row("ops", $"{r.Ops,12:N0}   {r.OpsPerSecond,10:N0}/s   (answered book/cancel requests)")
            .Row("successes", $"{r.Successes,12:N0}   {r.SuccessesPerSecond,10:N0}/s   (each one a stored event)")
            .Row("refusals", $"{r.Refusals,12:N0}   {Percent(r.Refusals, r.Ops),10}    (success:false: contention, not errors)")
            .Row("errors", $"{r.Errors,12:N0}   (error messages {e.ErrorMessages}, timeouts {e.Timeouts}, disconnects {e.Disconnects}, connect failures {e.ConnectFailures}, unexpected {e.UnexpectedAnswers})")
            .Row("latency", Latency(r.LatencyMs))
            .Row("slots_update received", $"{r.SlotsUpdatesReceived,12:N0}   {r.SlotsUpdatesReceived / Math.Max(r.Seconds, 1e-9),10:N0}/s")
            .Row("cpu", Cpu(r.ClientCpuPercent, r.ServerCpuPercent))
            .RowsFor("error sample", r.ErrorSamples);
    }

    public static SummaryTable For(FanoutResult r) =>
        new SummaryTable($"fanout: {r.Listeners:N0} listeners ({r.ConnectedListeners:N0} connected in {r.ConnectSeconds:0.0} s), slot {r.SlotId}, {r.CompletedChanges}/{r.Changes} changes seen by all")
            .Row("all listeners saw it", Latency(r.AllListenersMs))
            .Row("first listener saw it", Latency(r.FirstListenerMs))
            .Row("writer's answer", Latency(r.AckMs))
            .Row("timed-out changes", r.TimedOutChanges.ToString(CultureInfo.InvariantCulture))
            .Row("errors", r.Errors.ToString(CultureInfo.InvariantCulture))
            .Row("cpu", Cpu(r.ClientCpuPercent, r.ServerCpuPercent))
            .Row("server cpu per frame", r.ServerCpuUsPerFrame is { } us
                ? $"{us:0.0} µs per slots_update delivered (server CPU over the changes ÷ listeners × changes)"
                : "not measured (needs --server-pid and a completed change)")
            .RowsFor("error sample", r.ErrorSamples);

    public static SummaryTable For(SeedResult r) =>
        new SummaryTable($"seed-journal: {r.Requested:N0} requested")
            .Row("events stored", $"{r.Successes:N0} in {r.Seconds:0.0} s ({r.EventsPerSecond:N0}/s)")
            .Row("refusals", r.Refusals.ToString("N0", CultureInfo.InvariantCulture))
            .Row("errors", r.Errors.ToString("N0", CultureInfo.InvariantCulture))
            .RowsFor("error sample", r.ErrorSamples);

    public static SummaryTable For(StorageLimitResult r) =>
        new SummaryTable($"storage-limit: raw SQLite, WAL, synchronous={r.Synchronous.ToUpperInvariant()}, {r.Seconds:0.#} s per test")
            .Row("single-row commits", $"{r.SingleRowCommitsPerSecond,10:N0}/s")
            .Row($"rows in {r.BatchSize}-row transactions", $"{r.BatchedRowsPerSecond,10:N0}/s");

    private static string Latency(LatencySummary l) =>
        l.Count == 0 ? "no samples" : $"ms  p50 {l.P50:0.###}  p99 {l.P99:0.###}  p99.9 {l.P999:0.###}  max {l.Max:0.###}  mean {l.Mean:0.###}";

    private static string Cpu(double client, double? server) =>
        $"client {client:0}%" + (server is { } s ? $"  server {s:0}%" : "") + $"  (100% = one core of {Environment.ProcessorCount})";

    private static string Percent(long part, long whole) => whole == 0 ? "-" : $"{100.0 * part / whole:0.0}%";

    private static SummaryTable RowsFor(this SummaryTable table, string label, IEnumerable<string> values)
    {
        foreach (var value in values) table.Row(label, value);
        return table;
    }
}
