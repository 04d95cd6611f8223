using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SlotBooking.Host;

namespace SlotBooking.TestSupport;

/// <summary>
/// The real service on Kestrel at 127.0.0.1 on a free port, on a given SQLite file. Started in-process with the
/// same composition as Program; <see cref="RestartAsync"/> stops it and starts a new one on the same file.
/// </summary>
public sealed class RunningHost : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(20);

    private readonly WebApplication _app;
    private readonly string[] _extraArgs;
    private bool _stopped;

    private RunningHost(WebApplication app, string databasePath, Uri httpAddress, string[] extraArgs)
    {
        _app = app;
        DatabasePath = databasePath;
        HttpAddress = httpAddress;
        _extraArgs = extraArgs;
        Http = new HttpClient { BaseAddress = httpAddress };
    }

    public string DatabasePath { get; }
    public Uri HttpAddress { get; }
    public Uri WebSocketAddress => new($"ws://{HttpAddress.Authority}/slot-booking");
    public HttpClient Http { get; }
    public IServiceProvider Services => _app.Services;

    /// <param name="extraArgs">More command-line configuration, e.g. <c>--SlotBooking:LastSlot=5</c>.</param>
    public static async Task<RunningHost> StartAsync(string databasePath, params string[] extraArgs)
    {
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--SlotBooking:DatabasePath={databasePath}",
            "--Logging:LogLevel:Default=Warning",
            .. extraArgs,
        ];
        var app = SlotBookingApp.Create(args);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var host = new RunningHost(app, databasePath, new Uri(address), extraArgs);
        await host.WaitUntilHealthyAsync();
        return host;
    }

    public async Task<RunningHost> RestartAsync()
    {
        await StopAsync();
        return await StartAsync(DatabasePath, _extraArgs);
    }

    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    /// <summary>Start-up recovers every slot; the service reports healthy once the board knows them all.</summary>
    private async Task WaitUntilHealthyAsync()
    {
        using var timeout = new CancellationTokenSource(ReadyTimeout);
        while (true)
        {
            var response = await Http.GetAsync("/health", timeout.Token);
            if (response.StatusCode == HttpStatusCode.OK) return;
            await Task.Delay(TimeSpan.FromMilliseconds(25), timeout.Token);
        }
    }
}
