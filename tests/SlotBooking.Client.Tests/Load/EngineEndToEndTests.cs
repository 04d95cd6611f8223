using SlotBooking.Client.Fanout;
using SlotBooking.Client.Load;
using SlotBooking.Client.Seeding;
using SlotBooking.Protocol;
using SlotBooking.TestSupport;

namespace SlotBooking.Client.Tests.Load;

/// <summary>The engines as a library, against the real host on Kestrel with a temporary SQLite file of its own.</summary>
public sealed class EngineEndToEndTests : IAsyncLifetime
{
    private readonly TempDatabase _database = new();
    private RunningHost _host = null!;

    // A load tool is one client doing thousands of requests a second: lift the per-connection rate limit, as bench/run.sh does.
    public async Task InitializeAsync() => _host = await RunningHost.StartAsync(
        _database.Path, "--SlotBooking:MessagesPerSecond=1000000", "--SlotBooking:MessageBurst=1000000");

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task Load_with_four_clients_for_two_seconds_answers_requests_without_errors()
    {
        var progress = new List<LoadProgress>();

        var result = await LoadRunner.RunAsync(
            new LoadOptions(_host.WebSocketAddress, Clients: 4, Duration: TimeSpan.FromSeconds(2)) { Seed = 42 },
            p => { lock (progress) progress.Add(p); });

        Assert.Equal(4, result.ConnectedClients);
        Assert.True(result.Ops > 0, "no request was answered");
        Assert.Equal(0, result.Errors);
        Assert.Equal(result.Ops, result.Successes + result.Refusals);
        Assert.Equal(result.Ops, result.LatencyMs.Count);
        Assert.True(result.Successes > 0, "every request was refused");
        Assert.Equal("3-14", result.Slots);
        Assert.Contains(progress, p => p.Phase == "measuring");
    }

    [Fact]
    public async Task Fanout_sees_every_change_reach_every_listener()
    {
        var result = await FanoutRunner.RunAsync(new FanoutOptions(_host.WebSocketAddress, Listeners: 20, Changes: 3));

        Assert.Equal(20, result.ConnectedListeners);
        Assert.Equal(3, result.CompletedChanges);
        Assert.Equal(0, result.Errors);
        Assert.Equal(3, result.AllListenersMs.Count);
        Assert.Equal(3, result.FirstListenerMs.Count);
        Assert.True(result.AllListenersMs.Max >= result.FirstListenerMs.Max, "the last listener cannot see a change before the first");
    }

    [Fact]
    public async Task Fanout_reports_server_cpu_per_delivered_frame_when_given_the_servers_process()
    {
        // The host runs in this process, so this process is the server to measure.
        var result = await FanoutRunner.RunAsync(new FanoutOptions(_host.WebSocketAddress, Listeners: 20, Changes: 3) { ServerProcessId = Environment.ProcessId });

        Assert.Equal(3, result.CompletedChanges);
        Assert.NotNull(result.ServerCpuUsPerFrame);
        Assert.True(result.ServerCpuUsPerFrame >= 0);
    }

    [Fact]
    public async Task Seeding_stores_every_requested_event()
    {
        var result = await JournalSeeder.RunAsync(new SeedOptions(_host.WebSocketAddress, Events: 600) { Slots = new SlotRange(3, 5) });

        Assert.Equal(600, result.Successes);
        Assert.Equal(0, result.Refusals);
        Assert.Equal(0, result.Errors);
    }
}
