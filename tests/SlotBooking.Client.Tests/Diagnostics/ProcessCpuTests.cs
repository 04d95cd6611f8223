using System.Diagnostics;
using SlotBooking.Client.Diagnostics;

namespace SlotBooking.Client.Tests.Diagnostics;

public sealed class ProcessCpuTests
{
    [Fact]
    public void Another_process_is_read_by_id_and_its_time_only_grows()
    {
        var before = ProcessCpu.Of(Environment.ProcessId);
        Spin(TimeSpan.FromMilliseconds(50));
        var after = ProcessCpu.Of(Environment.ProcessId);

        Assert.NotNull(before);
        Assert.NotNull(after);
        Assert.True(after >= before, $"{after} < {before}");
        Assert.True(after > TimeSpan.Zero);
    }

    [Fact]
    public void This_process_is_read_directly()
    {
        var before = ProcessCpu.Current();
        Spin(TimeSpan.FromMilliseconds(50));

        Assert.True(ProcessCpu.Current() > before);
    }

    [Fact]
    public void A_process_that_does_not_exist_has_no_figure() =>
        Assert.Null(ProcessCpu.Of(int.MaxValue));

    [Fact]
    public void Percent_is_of_one_core() =>
        Assert.Equal(150, ProcessCpu.Percent(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(2)));

    // Busy work, so that CPU time (not just wall time) passes.
    private static void Spin(TimeSpan duration)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < duration) Thread.SpinWait(1_000);
    }
}
