namespace SlotBooking.Client.Load;

/// <summary>A once-a-second view of a running load test.</summary>
/// <param name="Phase">"connecting", "warm-up" or "measuring".</param>
public sealed record LoadProgress(
    string Phase,
    TimeSpan Elapsed,
    double OpsPerSecond,
    long Ops,
    long Refusals,
    long Errors,
    int Connected,
    double P99Ms);
