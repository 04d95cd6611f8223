using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SlotBooking.TestSupport;

/// <summary>
/// A logger provider for a test host that counts what the host logs at each level and keeps the first errors, so a
/// test can bound the errors a run may log (a fuzzer must not set off an exception storm). Add it with
/// <see cref="AddTo"/> through <see cref="RunningHost.StartAsync(string, Action{IServiceCollection}, string[])"/>.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private const int KeptErrors = 20;

    private readonly ConcurrentQueue<string> _errors = new();
    private readonly ConcurrentQueue<string> _warnings = new();
    private int _errorCount;
    private int _warningCount;

    public int ErrorCount => Volatile.Read(ref _errorCount);
    public int WarningCount => Volatile.Read(ref _warningCount);

    /// <summary>The first errors logged, each as "category: message (exception type)".</summary>
    public IReadOnlyCollection<string> FirstErrors => _errors;

    public void AddTo(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(this);

    /// <summary>A one-line summary for an assertion message.</summary>
    public string Describe() =>
        $"{ErrorCount} errors, {WarningCount} warnings; first errors:\n  {string.Join("\n  ", _errors)}\nfirst warnings:\n  {string.Join("\n  ", _warnings)}";

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private void Record(LogLevel level, string line)
    {
        if (level == LogLevel.Warning && Interlocked.Increment(ref _warningCount) <= KeptErrors) _warnings.Enqueue(line);
        if (level < LogLevel.Error) return;
        if (Interlocked.Increment(ref _errorCount) <= KeptErrors) _errors.Enqueue(line);
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var message = formatter(state, exception);
            if (message.Length > 300) message = message[..300] + "…";
            capture.Record(logLevel, $"{category}: {message}{(exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})")}");
        }
    }
}
