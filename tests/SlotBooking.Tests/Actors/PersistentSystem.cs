using Akka.Actor;
using Akka.Hosting;
using Akka.TestKit.Xunit2;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SlotBooking.Host.Configuration;
using SlotBooking.Host.Persistence;

namespace SlotBooking.Tests.Actors;

/// <summary>
/// An actor system with the service's real persistence wiring (Akka.Persistence.Sql on a SQLite file), built
/// through the same extension the host uses, for actor specs. Disposing stops it; a new one can open the same file.
/// </summary>
public sealed class PersistentSystem : IDisposable
{
    private readonly IHost _host;

    private PersistentSystem(IHost host)
    {
        _host = host;
        System = host.Services.GetRequiredService<ActorSystem>();
        Kit = new TestKit(System);
    }

    public ActorSystem System { get; }

    /// <summary>A test kit on this system, for probes and expectations.</summary>
    public TestKit Kit { get; }

    /// <summary>The SQLite file's wiring, as the host's journal uses it.</summary>
    public SqliteDatabase Database => _host.Services.GetRequiredService<SqliteDatabase>();

    /// <param name="hocon">Settings that win over the persistence HOCON, e.g. a read journal's query-delay.</param>
    /// <param name="options">Changes to the service's options, e.g. a shorter busy timeout.</param>
    public static PersistentSystem Start(string databasePath, string? hocon = null, Action<SlotBookingOptions>? options = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddSlotBookingOptions();
        builder.Services.AddSlotStorage();
        builder.Services.Configure<SlotBookingOptions>(o =>
        {
            o.DatabasePath = databasePath;
            options?.Invoke(o);
        });
        // Journal writes on a busy CI machine (several test assemblies at once on 2 cores) can take seconds.
        builder.Services.AddAkka("slot-spec", (akka, services) =>
        {
            akka.AddHocon("akka.test.single-expect-default = 15s", HoconAddMode.Prepend).AddSlotPersistence(services);
            // Prepended after the persistence HOCON, so that it wins.
            if (hocon is not null) akka.AddHocon(hocon, HoconAddMode.Prepend);
        });
        var host = builder.Build();
        host.Start();
        return new PersistentSystem(host);
    }

    public void Dispose()
    {
        Kit.Dispose();
        _host.StopAsync().GetAwaiter().GetResult();
        _host.Dispose();
    }
}
