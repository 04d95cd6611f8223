using Akka.Actor;
using Akka.TestKit.Xunit2;
using SlotBooking.Host.Wiring;
using Xunit;

namespace SlotBooking.Tests.Host;

/// <summary>The host's scheduler keeps Akka's contract: once, repeatedly, and never after a cancel.</summary>
public sealed class TimerQueueSchedulerSpecs() : TestKit(
    $"akka.scheduler.implementation = \"{typeof(TimerQueueScheduler).AssemblyQualifiedName}\"")
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(20);

    [Fact]
    public void The_system_runs_on_it() => Assert.IsType<TimerQueueScheduler>(Sys.Scheduler);

    [Fact]
    public void A_message_scheduled_once_arrives_once()
    {
        Sys.Scheduler.ScheduleTellOnce(Short, TestActor, "once", ActorRefs.NoSender);
        ExpectMsg("once");
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void A_repeated_message_repeats_until_cancelled()
    {
        var cancelable = Sys.Scheduler.ScheduleTellRepeatedlyCancelable(Short, Short, TestActor, "tick", ActorRefs.NoSender);
        ExpectMsg("tick");
        ExpectMsg("tick");
        ExpectMsg("tick");
        cancelable.Cancel();
        // A tick already on its way may still land; after that, none.
        ReceiveWhile(TimeSpan.FromMilliseconds(100), m => m);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void A_cancelled_message_never_arrives()
    {
        var cancelable = Sys.Scheduler.ScheduleTellOnceCancelable(TimeSpan.FromMilliseconds(100), TestActor, "late", ActorRefs.NoSender);
        cancelable.Cancel();
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void An_action_runs_and_a_failing_one_does_not_stop_the_next()
    {
        Sys.Scheduler.Advanced.ScheduleOnce(Short, () => throw new InvalidOperationException("scheduled failure"));
        Sys.Scheduler.Advanced.ScheduleOnce(Short, () => TestActor.Tell("ran"));
        ExpectMsg("ran");
    }

    [Fact]
    public void Actor_timers_fire_and_an_ask_times_out()
    {
        var echo = Sys.ActorOf(Props.Create(() => new TimerEcho(TestActor)));
        echo.Tell("start");
        ExpectMsg("timer");
        var silent = Sys.ActorOf(Props.Empty);
        var ask = silent.Ask<object>("hello", TimeSpan.FromMilliseconds(50));
        Assert.Throws<AggregateException>(() => ask.Wait(TimeSpan.FromSeconds(5)));
        Assert.True(ask.IsFaulted);
    }

    private sealed class TimerEcho : ReceiveActor, IWithTimers
    {
        public ITimerScheduler Timers { get; set; } = null!;

        public TimerEcho(IActorRef reportTo)
        {
            Receive<string>(s => s == "start", _ => Timers.StartSingleTimer("t", "fired", Short));
            Receive<string>(s => s == "fired", _ => reportTo.Tell("timer"));
        }
    }
}
