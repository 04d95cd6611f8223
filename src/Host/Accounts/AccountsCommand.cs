using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Options;
using SlotBooking.Actors.Accounts;
using SlotBooking.Host.Auth;
using SlotBooking.Host.Cluster;
using SlotBooking.Host.Configuration;
using SlotBooking.Host.Persistence;
using SlotBooking.Host.Wiring;
using SlotBooking.Protocol;

namespace SlotBooking.Host.Accounts;

/// <summary>
/// <c>accounts add --email X [--admin] [--force]</c>: the operator makes a built-in account (an admin's, whose email
/// <c>/auth/register</c> refuses) on the database the server uses, read from the same configuration (appsettings.json,
/// environment, the other command-line arguments), through the same account actor and journal, and exits. The password
/// comes from <c>SLOTBOOKING_PASSWORD</c>, else the first line of standard input, and must pass the account rules.
/// An existing account is left alone unless <c>--force</c>, which replaces its password.
/// <para>
/// It may run while the server runs on the same database, SQLite or PostgreSQL (<c>SlotBooking:Storage</c>): two writes
/// to one account never both succeed, since the journal's unique key on persistence id and sequence number refuses the
/// second. The server sees a new account at its next sign-in; a replaced password once the server's actor of that
/// account has stopped (after <c>SlotBooking:SlotIdleTimeout</c> without sign-ins to it, or a restart).
/// </para>
/// </summary>
public static class AccountsCommand
{
    public const string PasswordVariable = "SLOTBOOKING_PASSWORD";

    private static readonly TimeSpan MinimumAskTimeout = TimeSpan.FromSeconds(30);

    public const int Succeeded = 0;
    public const int Refused = 1;
    public const int Usage = 2;

    private const string UsageText =
        "usage: accounts add --email <email> [--admin] [--force] [--SlotBooking:DatabasePath=<file> ...]\n" +
        $"  The password is read from {PasswordVariable}, else from the first line of standard input.\n" +
        "  --admin  check that SlotBooking:Admins names the email (admin rights come from that list)\n" +
        "  --force  replace the password of an existing account";

    /// <summary>Whether <paramref name="args"/> ask for this command rather than the server.</summary>
    public static bool IsInvoked(string[] args) => args is ["accounts", ..];

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, string? environmentPassword)
    {
        if (Parse(args) is not { } request)
        {
            await error.WriteLineAsync(UsageText);
            return Usage;
        }
        if (AccountRules.EmailProblem(request.Email) is { } emailProblem)
        {
            await error.WriteLineAsync($"Refused: {emailProblem}.");
            return Usage;
        }
        var password = environmentPassword ?? await input.ReadLineAsync();
        if (AccountRules.PasswordProblem(password) is { } passwordProblem)
        {
            await error.WriteLineAsync($"Refused: {passwordProblem} (from {(environmentPassword is null ? "standard input" : PasswordVariable)}).");
            return Usage;
        }

        using var host = Build(request.ConfigurationArgs);
        var admins = host.Services.GetRequiredService<AdminList>();
        if (request.Admin && !admins.NamesAccount(request.Email))
        {
            await error.WriteLineAsync($"Refused: SlotBooking:Admins does not name {request.Email}; admin rights come from that list, so add it there first.");
            return Usage;
        }

        await host.StartAsync();
        try
        {
            return await AddAsync(host.Services, request, password!, output, error);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task<int> AddAsync(IServiceProvider services, AddRequest request, string password, TextWriter output, TextWriter error)
    {
        var hash = await services.GetRequiredService<PasswordHashing>().HashAsync(password, CancellationToken.None)
                   ?? throw new InvalidOperationException("No password hash could be computed");
        var accounts = await services.GetRequiredService<IRequiredActor<AccountActor>>().GetAsync();
        // The first ask also opens the journal (and creates its tables on a new file) in a freshly started process: the
        // server's ask timeout, meant for warm requests, is too short for that on a busy machine.
        var timeout = Max(services.GetRequiredService<IOptions<SlotBookingOptions>>().Value.AskTimeout, MinimumAskTimeout);
        var description = services.GetRequiredService<AdminList>().NamesAccount(request.Email) ? "Admin account" : "Account";
        try
        {
            // Registered as the server would: the account actor alone decides whether the email is taken.
            switch (await accounts.Ask<IRegisterReply>(new RegisterAccount(request.Email, hash), timeout))
            {
                case AccountCreated created:
                    await output.WriteLineAsync($"{description} {created.Account.Email} created.");
                    return Succeeded;
                case AccountAlreadyExists exists when !request.Force:
                    await error.WriteLineAsync($"Refused: an account {exists.Email} already exists; --force replaces its password.");
                    return Refused;
            }
            switch (await accounts.Ask<object>(new ReplaceAccountPassword(request.Email, hash), timeout))
            {
                case AccountPasswordChanged changed:
                    await output.WriteLineAsync($"{description} {changed.Account.Email}: password replaced.");
                    return Succeeded;
                default:
                    await error.WriteLineAsync($"Refused: the account {request.Email} was not found.");
                    return Refused;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A timeout or the journal's error (the actor answers a failed write with its cause): said, not hidden.
            await error.WriteLineAsync($"Failed: the account could not be stored ({e.Message}). Nothing was changed.");
            return Refused;
        }
    }

    /// <summary>
    /// The server's configuration and only what accounts need: options, the storage, the journal and the accounts'
    /// shard region, the server's own wiring (<see cref="ServiceSharding.AddAccountSharding"/>) on a cluster of one that
    /// joins itself at a free port. It never joins the server's cluster, whatever <c>SlotBooking:Cluster</c> says: a
    /// short-lived member would take shards and hand them off again as it exits.
    /// </summary>
    private static IHost Build(string[] configurationArgs)
    {
        // The server's own builder reads the configuration (same files, environment and arguments); it is never built.
        var server = SlotBookingApp.CreateConfiguration(configurationArgs);
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = server.Environment.EnvironmentName,
        });
        builder.Configuration.AddConfiguration(server.Configuration);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole().AddFilter(level => level >= LogLevel.Warning);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSlotBookingOptions();
        services.AddSlotStorage();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations();
        services.AddSingleton<PasswordHashing>();
        services.AddSingleton(s => new AdminList(
            s.GetSlotBookingOptions().Admins, s.GetRequiredService<IOptions<AuthOptions>>().Value.Issuer));
        services.AddAkka("slot-booking-accounts", (akka, provider) => akka
            .AddHostLogging(provider)
            .AddSlotCluster(new ClusterNodeOptions())
            .AddSlotPersistence(provider)
            .AddAccountSharding(new AccountSettings(provider.GetSlotBookingOptions().SlotIdleTimeout, provider.GetRequiredService<TimeProvider>()),
                ClusterNodeOptions.DefaultShards));
        return builder.Build();
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static AddRequest? Parse(string[] args)
    {
        if (args is not ["accounts", "add", .. var rest]) return null;
        string? email = null;
        bool admin = false, force = false;
        var configuration = new List<string>();
        for (var i = 0; i < rest.Length; i++)
        {
            switch (rest[i])
            {
                case "--email" when i + 1 < rest.Length:
                    email = rest[++i];
                    break;
                case var a when a.StartsWith("--email=", StringComparison.Ordinal):
                    email = a["--email=".Length..];
                    break;
                case "--admin":
                    admin = true;
                    break;
                case "--force":
                    force = true;
                    break;
                // Anything else is configuration, as the server takes it (--SlotBooking:DatabasePath=...).
                case var other when other.StartsWith("--", StringComparison.Ordinal) && other.Length > 2 && other != "--email":
                    configuration.Add(other);
                    if (!other.Contains('=') && i + 1 < rest.Length) configuration.Add(rest[++i]);
                    break;
                default:
                    return null;
            }
        }
        return email is null ? null : new AddRequest(email, admin, force, [.. configuration]);
    }

    private sealed record AddRequest(string Email, bool Admin, bool Force, string[] ConfigurationArgs);
}
