using Akka.Hosting;
using SlotBooking.Host.Auth;
using SlotBooking.Host.Cluster;
using SlotBooking.Host.Configuration;
using SlotBooking.Host.Http;
using SlotBooking.Host.Persistence;
using SlotBooking.Host.WebSockets;
using SlotBooking.Host.Wiring;

namespace SlotBooking.Host;

/// <summary>
/// The whole service as a table of contents; <c>Program</c> runs it and the tests start it on Kestrel.
/// In two halves, services then pipeline, so that a test can put a stand-in service between them.
/// </summary>
public static class SlotBookingApp
{
    public static WebApplication Create(string[] args) => Build(CreateBuilder(args));

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = CreateConfiguration(args);

        // The one clock of the service: actors, sessions and routes read time from it, and a test can replace it.
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSlotBookingOptions();
        builder.Services.AddSlotCalendars();
        builder.Services.AddSlotStorage();
        builder.Services.AddSlotHttpProblems();
        builder.Services.AddSlotCors();
        builder.Services.AddSlotHttpRateLimiting();
        builder.Services.AddSlotAuth();
        builder.Services.AddSlotAccounts();
        builder.Services.AddSlotRoutes();
        builder.Services.AddCalendarReads();
        builder.Services.AddBookingRoutes();
        builder.Services.AddMyBookingsReads();
        builder.Services.AddSlotHealthChecks();
        builder.Services.AddSlotCluster();
        builder.Services.AddSlotBookingSockets();
        builder.Services.AddOpenApi();
        builder.Services.AddAkka(ClusterNodeOptions.ActorSystemName, (akka, services) => akka
            .AddHostLogging(services)
            .AddSlotCluster(services)
            .AddSlotBroadcasts()
            .AddSlotPersistence(services)
            .AddSlotActors(services)
            .AddSlotSharding(services)
            .AddServiceSharding(services)
            .AddSlotBroadcaster(services));
        // After AddAkka: the server starts only once the calendar catalog has recovered.
        builder.Services.AddCatalogReadiness();
        return builder;
    }

    /// <summary>
    /// The server's configuration (appsettings.json, environment, arguments) and no services yet: the server builds on
    /// it, and the host's commands (<see cref="Accounts.AccountsCommand"/>) read the same keys from it.
    /// </summary>
    public static WebApplicationBuilder CreateConfiguration(string[] args) =>
        // Content root is the build output (appsettings.json, hocon/); data paths resolve against the working directory.
        WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseSlotHttpRateLimiting();
        app.UseSlotBookingSockets();

        app.MapOpenApi();
        app.MapSlotRoutes();
        app.MapCalendarRoutes();
        app.MapBookingRoutes();
        app.MapAccountRoutes();
        app.MapCalendarAdminRoutes();
        app.MapMyBookingsRoutes();
        app.MapSlotHealth();
        app.MapSlotBookingSocket();
        app.MapSlotUi();
        return app;
    }
}
