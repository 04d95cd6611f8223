using System.Diagnostics;

namespace SlotBooking.TestSupport.PostgreSql;

/// <summary>
/// PostgreSQL 15's server programs (Debian's postgresql-15, in /usr/lib/postgresql/15/bin) and how to run them here:
/// as the <c>postgres</c> user through <c>runuser</c> when the tests run as root, as the current user otherwise.
/// </summary>
public sealed class PostgreSqlTools
{
    public const string BinFolder = "/usr/lib/postgresql/15/bin";

    public const string InstallHint =
        $"PostgreSQL 15 is not installed ({BinFolder}/initdb is missing): install it with `apt-get install postgresql` " +
        "(Debian's postgresql-15), or run .ci/run, which installs it. These tests start their own throwaway server.";

    private readonly string _binFolder;

    private PostgreSqlTools(string binFolder, bool runsAsPostgresUser) => (_binFolder, RunsAsPostgresUser) = (binFolder, runsAsPostgresUser);

    /// <summary>initdb refuses to run as root, so root runs the server programs as the postgres user.</summary>
    public bool RunsAsPostgresUser { get; }

    /// <summary>The installed tools; fails, saying how to install them, where they are missing.</summary>
    /// <param name="binFolder">Where to look; Debian's place unless a test looks elsewhere.</param>
    public static PostgreSqlTools Find(string binFolder = BinFolder)
    {
        if (!File.Exists(Path.Combine(binFolder, "initdb")) || !File.Exists(Path.Combine(binFolder, "pg_ctl")))
            throw new InvalidOperationException(InstallHint);
        return new PostgreSqlTools(binFolder, Environment.UserName == "root");
    }

    /// <summary>Runs one of the server programs (initdb, pg_ctl) to its end.</summary>
    public Task RunToolAsync(string tool, IReadOnlyList<string> arguments, TimeSpan timeout) =>
        RunsAsPostgresUser
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_binFolder, tool), .. arguments], timeout)
            : RunAsync(Path.Combine(_binFolder, tool), arguments, timeout);

    /// <summary>Runs a program to its end; a non-zero exit fails with what it printed.</summary>
    public async Task RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The server programs must not start in the test's folder, which the postgres user may not be allowed to read.
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} did not finish within {timeout}");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}{await error}");
    }
}
