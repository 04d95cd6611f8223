using SlotBooking.Client.Stats;

namespace SlotBooking.Client.Fanout;

/// <summary>
/// What a fan-out run measured, per change, from the moment the writer sent it: until the writer's answer
/// (<see cref="AckMs"/>), until the first listener saw it, and until every listener had (<see cref="AllListenersMs"/>).
/// <see cref="ServerCpuUsPerFrame"/> is the server's CPU time per <c>slots_update</c> delivered to a listener over the
/// completed changes (see <see cref="FrameCpuMeter"/>); null without <c>--server-pid</c>.
/// </summary>
public sealed record FanoutResult(
    int Listeners,
    int ConnectedListeners,
    double ConnectSeconds,
    int SlotId,
    int Changes,
    int CompletedChanges,
    int TimedOutChanges,
    long Errors,
    LatencySummary AllListenersMs,
    LatencySummary FirstListenerMs,
    LatencySummary AckMs,
    double ClientCpuPercent,
    double? ServerCpuPercent,
    double? ServerCpuUsPerFrame,
    IReadOnlyList<string> ErrorSamples);
