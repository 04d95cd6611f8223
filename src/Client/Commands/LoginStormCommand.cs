using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SlotBooking.Client.Commands;

/// <summary>
/// <c>login-storm</c>: signs one account in over and over from several concurrent requests for a while, and reports
/// successful logins per second and how many the rate limiter refused (429). Passwords are hashed slowly on purpose;
/// this measures what that costs and, run beside <c>load</c>, whether it starves bookings.
/// </summary>
public static class LoginStormCommand
{
    public static Command Create()
    {
        var url = CommonOptions.Url();
        var email = new Option<string>("--email") { Description = "An existing account", Required = true };
        var password = new Option<string?>("--password") { Description = "Its password (default: SLOTBOOKING_PASSWORD)" };
        var seconds = CommonOptions.Seconds("--seconds", "How long to log in", 10);
        var concurrency = CommonOptions.Positive("--concurrency", "Login requests in flight at once", 4);
        var json = CommonOptions.Json();
        var flood = new Option<bool>("--ignore-retry-after")
        {
            Description = "Retry at once after a 429 instead of waiting as Retry-After says (a misbehaving client)",
        };
        var command = new Command("login-storm", "Log in as fast as the server allows for a while; logins/s and 429s") { url, email, password, seconds, concurrency, flood, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var secret = parse.GetValue(password) ?? Environment.GetEnvironmentVariable("SLOTBOOKING_PASSWORD") ?? "";
            using var http = new HttpClient { BaseAddress = AccountCommands.HttpBaseOf(parse.GetValue(url)!) };
            var body = new Dictionary<string, string> { ["email"] = parse.GetValue(email)!, ["password"] = secret };
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            stop.CancelAfter(TimeSpan.FromSeconds(parse.GetValue(seconds)));
            long ok = 0, limited = 0, failed = 0;
            var ignoreRetryAfter = parse.GetValue(flood);
            var started = Stopwatch.GetTimestamp();
            var workers = Enumerable.Range(0, parse.GetValue(concurrency)).Select(async _ =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        using var response = await http.PostAsJsonAsync("/auth/login", body, stop.Token);
                        if (response.StatusCode == HttpStatusCode.OK) Interlocked.Increment(ref ok);
                        else if (response.StatusCode == HttpStatusCode.TooManyRequests)
                        {
                            Interlocked.Increment(ref limited);
                            // A well-behaved client waits as long as the limiter says before trying again.
                            if (!ignoreRetryAfter && response.Headers.RetryAfter?.Delta is { } wait) await Task.Delay(wait, stop.Token);
                        }
                        else Interlocked.Increment(ref failed);
                    }
                    catch (OperationCanceledException) when (stop.IsCancellationRequested)
                    {
                    }
                }
            });
            await Task.WhenAll(workers);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var result = new Dictionary<string, double>
            {
                ["logins_per_second"] = Math.Round(ok / elapsed, 1),
                ["logins"] = ok,
                ["rate_limited"] = limited,
                ["failed"] = failed,
                ["seconds"] = Math.Round(elapsed, 2),
            };
            Console.WriteLine(parse.GetValue(json)
                ? JsonSerializer.Serialize(result)
                : $"{ok} logins in {elapsed:0.0} s: {ok / elapsed:0.0}/s; {limited} refused by the rate limiter (429), {failed} other failures");
            return 0;
        });
        return command;
    }
}
