using SlotBooking.Client.Stats;

namespace SlotBooking.Client.Fanout;

/// <summary>
/// What a fan-out run measured, per change, from the moment the writer sent it: until the writer's answer
/// (<see cref="AckMs"/>), until the first listener saw it, and until every listener had (<see cref="AllListenersMs"/>).
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
    IReadOnlyList<string> ErrorSamples);
