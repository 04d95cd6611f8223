using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SlotBooking.Host;

namespace SlotBooking.TestSupport;

/// <summary>
/// The real service on Kestrel at 127.0.0.1 on a free port, on a given SQLite file. Started in-process with the
/// same composition as Program; <see cref="RestartAsync"/> stops it and starts a new one on the same file
/// (on a new port unless asked to keep the old one).
/// </summary>
public sealed class RunningHost : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(20);

    private readonly WebApplication _app;
    private readonly string[] _extraArgs;
    private readonly Action<IServiceCollection>? _services;
    private bool _stopped;

    private RunningHost(WebApplication app, string databasePath, Uri httpAddress, string[] extraArgs, Action<IServiceCollection>? services)
    {
        _app = app;
        DatabasePath = databasePath;
        HttpAddress = httpAddress;
        _extraArgs = extraArgs;
        _services = services;
        Http = new HttpClient { BaseAddress = httpAddress };
    }

    public string DatabasePath { get; }
    public Uri HttpAddress { get; }
    public Uri WebSocketAddress => new($"ws://{HttpAddress.Authority}/slot-booking");
    public HttpClient Http { get; }

    /// <summary>The host's services, for a test that reaches its actors or its clock directly.</summary>
    public IServiceProvider Services => _app.Services;

    /// <param name="extraArgs">More command-line configuration, e.g. <c>--SlotBooking:LastSlot=5</c>.</param>
    public static Task<RunningHost> StartAsync(string databasePath, params string[] extraArgs) =>
        StartOnPortAsync(databasePath, 0, extraArgs, null);

    /// <param name="services">Replaces services between the two halves of the composition (e.g. the clock); kept on restart.</param>
    public static Task<RunningHost> StartAsync(string databasePath, Action<IServiceCollection> services, params string[] extraArgs) =>
        StartOnPortAsync(databasePath, 0, extraArgs, services);

    private static async Task<RunningHost> StartOnPortAsync(string databasePath, int port, string[] extraArgs, Action<IServiceCollection>? services)
    {
        string[] args =
        [
            $"--urls=http://127.0.0.1:{port}",
            $"--SlotBooking:DatabasePath={databasePath}",
            "--Logging:LogLevel:Default=Warning",
            .. extraArgs,
        ];
        var builder = SlotBookingApp.CreateBuilder(args);
        services?.Invoke(builder.Services);
        var app = SlotBookingApp.Build(builder);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var host = new RunningHost(app, databasePath, new Uri(address), extraArgs, services);
        await host.WaitUntilHealthyAsync();
        return host;
    }

    /// <param name="onSamePort">Keep the address, for clients that reconnect by themselves (a browser page); otherwise a new free port.</param>
    public async Task<RunningHost> RestartAsync(bool onSamePort = false)
    {
        await StopAsync();
        return await StartOnPortAsync(DatabasePath, onSamePort ? HttpAddress.Port : 0, _extraArgs, _services);
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
