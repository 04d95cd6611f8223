using System.Diagnostics;
using System.Net;

namespace SlotBooking.ProcessTests.Hosting;

/// <summary>
/// The real service as a separate OS process: <c>dotnet SlotBooking.Host.dll</c> on a loopback port and a given
/// SQLite file. Unlike an in-process host it can be killed with SIGKILL or stopped with SIGTERM like in production.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private const string HostDll = "SlotBooking.Host.dll";
    private const int StartAttempts = 3;

    // Generous: start-up JIT-compiles the whole stack on a small machine that other work shares.
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan DisposeKillTimeout = TimeSpan.FromSeconds(10);

    private static int s_started;

    private readonly Process _process;
    private readonly HostOutput _output;
    private readonly string _name;
    private bool _disposed;

    private HostProcess(Process process, Uri httpAddress, HostOutput output, string name)
    {
        _process = process;
        _output = output;
        _name = name;
        HttpAddress = httpAddress;
        Http = new HttpClient { BaseAddress = httpAddress, Timeout = TimeSpan.FromSeconds(10) };
    }

    public int Pid => _process.Id;
    public Uri HttpAddress { get; }
    public Uri WebSocketAddress => new($"ws://{HttpAddress.Authority}/slot-booking");
    public HttpClient Http { get; }
    public bool HasExited => _process.HasExited;

    /// <summary>Starts the host and returns once <c>GET /health</c> answers 200 (every slot recovered).</summary>
    /// <param name="extraArgs">More command-line configuration, e.g. calendars.</param>
    public static Task<HostProcess> StartAsync(string databasePath, HostOutput output, params string[] extraArgs) =>
        StartAsync(databasePath, output, ReadyTimeout, extraArgs);

    /// <param name="readyTimeout">How long the host may take to be healthy: a cluster node also has to join the others.</param>
    public static async Task<HostProcess> StartAsync(string databasePath, HostOutput output, TimeSpan readyTimeout, params string[] extraArgs)
    {
        for (var attempt = 1; ; attempt++)
        {
            var host = Launch(FreePort.Pick(), databasePath, output, extraArgs);
            try
            {
                if (await host.WaitUntilHealthyAsync(readyTimeout))
                {
                    host.EnsureIsTheHost();
                    return host;
                }
            }
            catch
            {
                // Nobody else holds this process: kill it rather than leave it running after the test.
                await host.DisposeAsync();
                throw;
            }

            // It exited before it was healthy; most likely another process took the port we picked.
            await host.DisposeAsync();
            if (attempt == StartAttempts)
                throw new InvalidOperationException($"The host exited at start-up {StartAttempts} times; see its output in the test log");
        }
    }

    /// <summary>SIGKILL: the process ends at once, mid-write if it was writing. No shutdown code runs.</summary>
    public void Kill()
    {
        _output.Add(_name, "test: SIGKILL");
        _process.Kill();
    }

    /// <summary>SIGTERM: the host is asked to shut down gracefully.</summary>
    public void Terminate()
    {
        _output.Add(_name, "test: SIGTERM");
        PosixSignals.Terminate(_process.Id);
    }

    /// <summary>The exit code, or null if the process is still running after <paramref name="timeout"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        _output.Add(_name, $"exited with code {_process.ExitCode}");
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        Http.Dispose();
        if (!_process.HasExited)
        {
            _output.Add(_name, "test: still running at dispose, SIGKILL");
            _process.Kill(entireProcessTree: true);
            await WaitForExitAsync(DisposeKillTimeout);
        }
        _process.Dispose();
    }

    private static HostProcess Launch(int port, string databasePath, HostOutput output, string[] extraArgs)
    {
        var hostDll = Path.Combine(AppContext.BaseDirectory, HostDll);
        foreach (var required in new[] { hostDll, Path.ChangeExtension(hostDll, ".runtimeconfig.json"), Path.ChangeExtension(hostDll, ".deps.json") })
        {
            if (!File.Exists(required))
                throw new FileNotFoundException("The host is copied next to the tests through the TestSupport project reference; build the solution", required);
        }

        // Started directly, without a shell: the pid we signal is the host itself.
        var start = new ProcessStartInfo(DotnetMuxer())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var arg in (string[])
                 [
                     hostDll,
                     "--urls", $"http://127.0.0.1:{port}",
                     $"--SlotBooking:DatabasePath={databasePath}",
                     "--Logging:LogLevel:Default=Warning",
                     .. extraArgs,
                 ])
        {
            start.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = start };
        var name = $"host#{Interlocked.Increment(ref s_started)}";
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Add($"{name} out", e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Add($"{name} err", e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        output.Add(name, $"started pid {process.Id} on port {port}");

        return new HostProcess(process, new Uri($"http://127.0.0.1:{port}"), output, name);
    }

    /// <summary>Where the tests run under <c>dotnet test</c>, the CLI says which muxer it is; use the same one.</summary>
    private static string DotnetMuxer()
    {
        var fromCli = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromCli) && File.Exists(fromCli)) return fromCli;
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        return "dotnet";
    }

    /// <summary>`dotnet app.dll` runs the app in the muxer's own process; check that the pid we will signal is it.</summary>
    private void EnsureIsTheHost()
    {
        if (!OperatingSystem.IsLinux()) return;
        var commandLine = File.ReadAllText($"/proc/{Pid}/cmdline").Replace('\0', ' ');
        if (!commandLine.Contains(HostDll, StringComparison.Ordinal))
            throw new InvalidOperationException($"pid {Pid} is not the host itself: {commandLine}");
    }

    private async Task<bool> WaitUntilHealthyAsync(TimeSpan readyTimeout)
    {
        var deadline = DateTime.UtcNow + readyTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) return false;
            try
            {
                using var response = await Http.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    _output.Add(_name, "healthy");
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(PollInterval);
        }
        throw new TimeoutException($"{_name} (pid {Pid}) was not healthy within {readyTimeout.TotalSeconds:F0}s");
    }
}
