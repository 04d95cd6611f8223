using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SlotBooking.Actors.Sessions;
using SlotBooking.Host.Auth;
using SlotBooking.TestSupport;
using SlotBooking.Tests.EndToEnd.Auth;

namespace SlotBooking.Tests.Hostile;

/// <summary>
/// No token, password or signing key reaches the log, at the most verbose level, whatever path carried it: HTTP,
/// the WebSocket upgrade (header and query), a message's token field, a refused token, a sign-in, and a token check
/// that finished after its connection had gone (an Akka dead letter, which Akka logs with the message's text).
/// </summary>
public sealed class LogHygieneTests : IDisposable
{
    private const string Password = "correct horse battery staple 7";
    private readonly TempDatabase _database = new();
    private readonly CapturedLog _log = new();
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task The_log_of_a_run_with_tokens_and_passwords_holds_neither()
    {
        await using var host = await RunningHost.StartAsync(_database.Path, services =>
            {
                services.AddSingleton<ILoggerProvider>(_log);
                // Message tokens are checked as usual, but only once the test lets them: so one is still being checked
                // when its connection closes.
                services.AddSingleton<JwtTokenValidator>();
                services.AddSingleton<ITokenValidator>(s => new HeldValidator(s.GetRequiredService<JwtTokenValidator>(), _release.Task));
            },
            [.. TestTokens.Args(), "--Logging:LogLevel:Default=Trace", "--Logging:LogLevel:Microsoft.AspNetCore=Trace", "--Logging:LogLevel:Akka=Debug"]);
        var good = TestTokens.For("alice@example.org");
        var bad = TestTokens.For("mallory@example.org", key: "a-key-this-server-does-not-have-but-long-enough");
        var expired = TestTokens.For("mallory@example.org", expires: DateTimeOffset.UtcNow.AddMinutes(-10));
        string[] secrets = [good, bad, expired, Password, TestTokens.SigningKey];

        // HTTP: a sign-up and login with a password, a wrong password, good and bad tokens.
        var issued = await host.Http.SignUpAsync("carol@example.org", Password);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.LoginAsync("carol@example.org", Password + "!")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.MeAsync(good)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.MeAsync(bad)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.MeAsync(expired)).StatusCode);

        // The upgrade: a token in the header, one in the query, a refused one.
        await (await SocketClient.ConnectAsync(host.WebSocketAddress, bearerToken: issued)).DisposeAsync();
        await (await SocketClient.ConnectAsync(new Uri($"{host.WebSocketAddress}?access_token={good}"))).DisposeAsync();
        Assert.False(await TokenPaths.AcceptedAtUpgradeAsync(host, bad));

        // A message token whose check is still running when the connection closes: its verdict becomes a dead letter.
        var (client, _) = await SocketClient.ConnectAndReadInitialAsync(host.WebSocketAddress);
        await client.SendTextAsync($$"""{"type":"book_slot","slot_id":9,"token":"{{good}}"}""");
        await client.SendTextAsync($$"""{"type":"book_slot","slot_id":10,"token":"{{bad}}"}""");
        await client.DisposeAsync();
        await Eventually.ActiveConnectionsAsync(host, 0);
        _release.SetResult();
        await WaitForAsync(() => _log.Contains("dead letter"), "Akka never logged the undelivered token check");

        await host.StopAsync();
        var text = _log.Text;
        Assert.Contains("TokenChecked", text);
        foreach (var secret in secrets)
            if (text.Contains(secret, StringComparison.Ordinal)) Assert.Fail($"the log holds a secret:\n{Around(text, secret)}");
        // A token's signature alone would do as much harm as the whole token.
        Assert.DoesNotContain(good.Split('.')[2], text);
        Assert.DoesNotContain(issued.Split('.')[2], text);
    }

    private static string Around(string text, string secret)
    {
        var at = text.IndexOf(secret, StringComparison.Ordinal);
        var start = text.LastIndexOf('\n', at) + 1;
        var end = text.IndexOf('\n', at);
        return text[start..(end < 0 ? text.Length : end)];
    }

    private static async Task WaitForAsync(Func<bool> condition, string failure)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!condition())
        {
            try { await Task.Delay(25, deadline.Token); }
            catch (OperationCanceledException) { Assert.Fail(failure); }
        }
    }

    private sealed class HeldValidator(ITokenValidator inner, Task release) : ITokenValidator
    {
        public async ValueTask<TokenCheck> ValidateAsync(string token)
        {
            await release;
            return await inner.ValidateAsync(token);
        }
    }
}

/// <summary>Every log line of a host, with its exception, as text.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly List<string> _lines = [];

    public string Text
    {
        get { lock (_lines) return string.Join('\n', _lines); }
    }

    public bool Contains(string text)
    {
        lock (_lines) return _lines.Any(l => l.Contains(text, StringComparison.OrdinalIgnoreCase));
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{logLevel} {category}: {formatter(state, exception)} {exception}";
            lock (log._lines) log._lines.Add(line);
        }
    }
}
