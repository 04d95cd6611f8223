using System.Diagnostics;

namespace SlotBooking.Client.Load;

/// <summary>The stretch of a run whose answers count, in <see cref="Stopwatch"/> timestamps.</summary>
public sealed record MeasurementWindow(long Start, long End)
{
    public static MeasurementWindow StartingIn(TimeSpan warmup, TimeSpan duration)
    {
        var start = Stopwatch.GetTimestamp() + ToTimestampUnits(warmup);
        return new MeasurementWindow(start, start + ToTimestampUnits(duration));
    }

    public TimeSpan Length => Between(Start, End);

    public bool Contains(long timestamp) => timestamp >= Start && timestamp < End;

    public bool HasEnded(long timestamp) => timestamp >= End;

    public static TimeSpan Between(long from, long to) => Stopwatch.GetElapsedTime(from, to);

    private static long ToTimestampUnits(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
