using SlotBooking.Client.Fanout;

namespace SlotBooking.Client.Tests.Fanout;

public sealed class FrameCpuMeterTests
{
    [Fact]
    public void Server_cpu_is_shared_out_over_every_listener_of_every_completed_change() =>
        Assert.Equal(2.5, FrameCpuMeter.PerFrame(TimeSpan.FromMilliseconds(25), listeners: 1_000, completedChanges: 10));

    [Fact]
    public void Without_a_completed_change_there_is_no_figure() =>
        Assert.Null(FrameCpuMeter.PerFrame(TimeSpan.FromMilliseconds(25), listeners: 1_000, completedChanges: 0));

    [Fact]
    public void Without_a_server_process_there_is_no_figure()
    {
        var meter = new FrameCpuMeter(serverProcessId: null);
        meter.Start();
        meter.ChangeCompleted();

        Assert.Null(meter.MicrosecondsPerFrame(listeners: 10, completedChanges: 1));
    }
}
