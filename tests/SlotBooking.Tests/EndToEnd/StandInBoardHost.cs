using Akka.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SlotBooking.Actors.Board;
using SlotBooking.Host;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.EndToEnd;

/// <summary>
/// The real service on Kestrel at 127.0.0.1, on a temporary SQLite file, with the board's registry entry replaced
/// by <typeparamref name="TBoard"/>: for what the real board cannot be made to do on cue (stay silent, fail).
/// Such a host may never be healthy, so unlike <see cref="RunningHost"/> it is not waited for.
/// </summary>
public sealed class StandInBoardHost<TBoard> : IAsyncDisposable where TBoard : class, IRequiredActor<BoardActor>
{
    private readonly WebApplication _app;
    private readonly TempDatabase _database;

    private StandInBoardHost(WebApplication app, TempDatabase database, Uri address)
    {
        _app = app;
        _database = database;
        Http = new HttpClient { BaseAddress = address };
    }

    public HttpClient Http { get; }

    public static async Task<StandInBoardHost<TBoard>> StartAsync(params string[] extraArgs)
    {
        var database = new TempDatabase();
        var builder = SlotBookingApp.CreateBuilder(
        [
            "--urls=http://127.0.0.1:0",
            $"--SlotBooking:DatabasePath={database.Path}",
            "--Logging:LogLevel:Default=Warning",
            .. extraArgs,
        ]);
        // Akka.Hosting registers IRequiredActor<> as an open generic; the container prefers this closed registration.
        builder.Services.AddSingleton<IRequiredActor<BoardActor>, TBoard>();
        var app = SlotBookingApp.Build(builder);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StandInBoardHost<TBoard>(app, database, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _database.Dispose();
    }
}
