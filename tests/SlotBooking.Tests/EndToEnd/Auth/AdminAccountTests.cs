using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SlotBooking.Host.Accounts;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.EndToEnd.Auth;

/// <summary>
/// Admins' built-in accounts are the operator's: <c>/auth/register</c> refuses an email listed in
/// <c>SlotBooking:Admins</c> in any spelling, and the host's <c>accounts add</c> command makes the account on the
/// server's database (run in-process here, and once as the host's own process), after which it signs in as an admin.
/// </summary>
public sealed class AdminAccountTests : IDisposable
{
    private const string AdminEmail = "admin@example.com";
    private const string AdminPassword = "the operator's password";

    private const string Gym =
        """{"id":"gym","name":"Gym","time_zone":"Europe/Berlin","first_hour":6,"last_hour":22,"horizon_days":30,"access":"open"}""";

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private string[] Configuration => [$"--SlotBooking:DatabasePath={_database.Path}", $"--SlotBooking:Admins:0={AdminEmail}", "--Logging:LogLevel:Default=Warning"];

    private Task<RunningHost> StartHostAsync() => RunningHost.StartAsync(_database.Path, $"--SlotBooking:Admins:0={AdminEmail}");

    private async Task<(int Code, string Output, string Error)> AccountsAsync(string? stdin, string? environmentPassword, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await AccountsCommand.RunAsync(["accounts", "add", .. args, .. Configuration], new StringReader(stdin ?? ""), output, error, environmentPassword);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Registering_an_admins_email_through_the_public_route_is_refused_in_any_spelling()
    {
        await using var host = await StartHostAsync();

        foreach (var spelling in new[] { AdminEmail, "Admin@Example.COM", "\uFF41dmin@example.com" })
        {
            var response = await host.Http.RegisterAsync(spelling, "a squatter's password");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("reserved", (await response.JsonAsync()).GetProperty("detail").GetString());
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.LoginAsync(AdminEmail, "a squatter's password")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await host.Http.RegisterAsync("someone@example.com", "an ordinary password")).StatusCode);
    }

    [Fact]
    public async Task The_operators_admin_account_signs_in_as_an_admin_and_creates_a_calendar()
    {
        var (code, output, error) = await AccountsAsync(AdminPassword + "\n", null, "--email", AdminEmail, "--admin");
        Assert.True(code == AccountsCommand.Succeeded, error);
        Assert.Contains($"Admin account {AdminEmail} created.", output);

        await using var host = await StartHostAsync();
        var token = await LoginAsync(host, AdminEmail, AdminPassword);
        Assert.True((await (await host.Http.MeAsync(token)).JsonAsync()).GetProperty("is_admin").GetBoolean());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/calendars") { Content = new StringContent(Gym, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Created, (await host.Http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task An_existing_account_is_refused_unless_forced_and_forcing_replaces_its_password()
    {
        Assert.Equal(AccountsCommand.Succeeded, (await AccountsAsync(AdminPassword, null, "--email", AdminEmail)).Code);

        var again = await AccountsAsync(null, "another password", "--email", "ADMIN@example.com");
        Assert.Equal(AccountsCommand.Refused, again.Code);
        Assert.Contains("already exists", again.Error);
        await using (var host = await StartHostAsync())
        {
            await LoginAsync(host, AdminEmail, AdminPassword);
            Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.LoginAsync(AdminEmail, "another password")).StatusCode);
        }

        var forced = await AccountsAsync(null, "another password", "--email", AdminEmail, "--force");
        Assert.True(forced.Code == AccountsCommand.Succeeded, forced.Error);
        Assert.Contains("password replaced", forced.Output);
        await using (var host = await StartHostAsync())
        {
            await LoginAsync(host, AdminEmail, "another password");
            Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.LoginAsync(AdminEmail, AdminPassword)).StatusCode);
        }
    }

    [Fact]
    public async Task A_weak_password_a_bad_email_and_an_unlisted_admin_are_refused_and_nothing_is_stored()
    {
        var weak = await AccountsAsync("short\n", null, "--email", AdminEmail);
        Assert.Equal(AccountsCommand.Usage, weak.Code);
        Assert.Contains("at least 8 characters", weak.Error);

        var badEmail = await AccountsAsync(AdminPassword, null, "--email", "not an email");
        Assert.Equal(AccountsCommand.Usage, badEmail.Code);

        var unlisted = await AccountsAsync(AdminPassword, null, "--email", "nobody@example.com", "--admin");
        Assert.Equal(AccountsCommand.Usage, unlisted.Code);
        Assert.Contains("SlotBooking:Admins does not name nobody@example.com", unlisted.Error);

        Assert.Equal(AccountsCommand.Usage, (await AccountsAsync(AdminPassword, null)).Code);

        await using var host = await StartHostAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.LoginAsync(AdminEmail, "short")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await host.Http.RegisterAsync("nobody@example.com", AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task An_account_added_while_the_server_runs_signs_in_at_once()
    {
        await using var host = await StartHostAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.LoginAsync(AdminEmail, AdminPassword)).StatusCode);

        var (code, _, error) = await AccountsAsync(null, AdminPassword, "--email", AdminEmail, "--admin");
        Assert.True(code == AccountsCommand.Succeeded, error);

        var token = await LoginAsync(host, AdminEmail, AdminPassword);
        Assert.True((await (await host.Http.MeAsync(token)).JsonAsync()).GetProperty("is_admin").GetBoolean());
    }

    [Fact]
    public async Task The_host_process_runs_the_command_with_the_password_from_the_environment()
    {
        var hostDll = Path.Combine(AppContext.BaseDirectory, "SlotBooking.Host.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        string[] args = [hostDll, "accounts", "add", "--email", AdminEmail, "--admin", .. Configuration];
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment[AccountsCommand.PasswordVariable] = AdminPassword;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(deadline.Token);
        Assert.True(process.ExitCode == 0, await error);
        Assert.Contains($"Admin account {AdminEmail} created.", await output);

        await using var host = await StartHostAsync();
        await LoginAsync(host, AdminEmail, AdminPassword);
    }

    private static async Task<string> LoginAsync(RunningHost host, string email, string password)
    {
        var response = await host.Http.LoginAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }
}
