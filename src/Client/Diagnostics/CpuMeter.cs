using System.Diagnostics;

namespace SlotBooking.Client.Diagnostics;

/// <summary>CPU used by this process and, optionally, the server process, between <see cref="Start"/> and <see cref="Stop"/>.</summary>
public sealed class CpuMeter(int? serverProcessId)
{
    private long _startedAt;
    private TimeSpan _clientAtStart;
    private TimeSpan? _serverAtStart;

    public bool Stopped { get; private set; }

    public double ClientPercent { get; private set; }

    public double? ServerPercent { get; private set; }

    public void Start()
    {
        _startedAt = Stopwatch.GetTimestamp();
        _clientAtStart = ProcessCpu.Current();
        _serverAtStart = serverProcessId is { } id ? ProcessCpu.Of(id) : null;
    }

    public void Stop()
    {
        Stopped = true;
        var wall = Stopwatch.GetElapsedTime(_startedAt);
        ClientPercent = ProcessCpu.Percent(ProcessCpu.Current() - _clientAtStart, wall);
        if (serverProcessId is { } id && _serverAtStart is { } before && ProcessCpu.Of(id) is { } after)
            ServerPercent = ProcessCpu.Percent(after - before, wall);
    }
}
