using SlotBooking.Client.Stats;

namespace SlotBooking.Client.Load;

/// <summary>
/// What a load run measured over its window. <see cref="Ops"/> counts every answered book/cancel;
/// <see cref="Refusals"/> are the <c>success:false</c> answers among them (normal contention, not errors).
/// </summary>
public sealed record LoadResult(
    int Clients,
    int ConnectedClients,
    string Slots,
    double Seconds,
    long Ops,
    double OpsPerSecond,
    long Successes,
    double SuccessesPerSecond,
    long Refusals,
    long Errors,
    ErrorCounts ErrorBreakdown,
    LatencySummary LatencyMs,
    long SlotsUpdatesReceived,
    double ClientCpuPercent,
    double? ServerCpuPercent,
    IReadOnlyList<string> ErrorSamples);

/// <summary>Errors by cause: anything but an answer to the request that was sent.</summary>
public sealed record ErrorCounts(long ErrorMessages, long Timeouts, long Disconnects, long ConnectFailures, long UnexpectedAnswers)
{
    public long Total => ErrorMessages + Timeouts + Disconnects + ConnectFailures + UnexpectedAnswers;
}
