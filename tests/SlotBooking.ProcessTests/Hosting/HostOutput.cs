using System.Collections.Concurrent;
using System.Diagnostics;

namespace SlotBooking.ProcessTests.Hosting;

/// <summary>
/// Everything the host processes of one test wrote to stdout and stderr, and what the test did to them, in order,
/// with the time since the test began, so a failure can be read next to what the server was saying.
/// </summary>
public sealed class HostOutput
{
    private const int MaxLines = 2_000;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<string> _lines = new();

    public void Add(string source, string line)
    {
        // A crashing host can loop on one error; keep the start of the story, which is where the cause is.
        if (_lines.Count < MaxLines) _lines.Enqueue($"{_clock.Elapsed.TotalSeconds,7:F3}s [{source}] {line}");
    }

    /// <summary>
    /// Writes the lines added since the last call and forgets them: for hosts that outlive one test (a cluster shared
    /// by a test class), so each test's log shows what the hosts said during that test.
    /// </summary>
    public void DrainTo(ITestOutputHelper output)
    {
        while (_lines.TryDequeue(out var line)) output.WriteLine(line);
    }

    /// <summary>The last <paramref name="count"/> lines, for a failure that no test's log will show (a shared fixture's start).</summary>
    public string Tail(int count) => string.Join("\n", _lines.TakeLast(count));

    public void WriteTo(ITestOutputHelper output)
    {
        foreach (var line in _lines) output.WriteLine(line);
        if (_lines.Count >= MaxLines) output.WriteLine($"(host output truncated after {MaxLines} lines)");
    }
}
