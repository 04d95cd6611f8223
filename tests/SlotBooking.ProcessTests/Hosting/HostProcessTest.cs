using SlotBooking.TestSupport;

namespace SlotBooking.ProcessTests.Hosting;

/// <summary>
/// A test that owns one SQLite file and the host processes it starts on it, one at a time. Whatever happens,
/// dispose kills a host still running and writes the hosts' output to the test log (shown with a failure).
/// </summary>
public abstract class HostProcessTest(ITestOutputHelper log) : IAsyncLifetime
{
    private readonly TempDatabase _database = new();
    private readonly HostOutput _hostOutput = new();
    private HostProcess? _host;

    protected ITestOutputHelper Log => log;
    protected string DatabasePath => _database.Path;
    protected HostProcess Host => _host ?? throw new InvalidOperationException("No host started yet");

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>More command-line configuration for every host this test starts.</summary>
    protected virtual string[] HostArgs => [];

    protected async Task StartHostAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        _host = null;
        _host = await HostProcess.StartAsync(DatabasePath, _hostOutput, HostArgs);
    }

    /// <summary>A new process on the same file; the old one is killed first if it is still running.</summary>
    protected Task RestartHostAsync() => StartHostAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        _hostOutput.WriteTo(log);
        _database.Dispose();
    }
}
