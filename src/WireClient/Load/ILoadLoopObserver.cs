using SlotBooking.WireClient.Frames;
using SlotBooking.WireClient.Requests;

namespace SlotBooking.WireClient.Load;

/// <summary>
/// What a <see cref="LoadLoop"/> reports to the code that runs it, called from the loop's own task, one request at a
/// time. Timestamps are <see cref="System.Diagnostics.Stopwatch"/> ticks.
/// </summary>
public interface ILoadLoopObserver
{
    /// <summary>Asked before each request: false ends the loop as <see cref="EndingKind.Stopped"/>.</summary>
    bool WantsAnother();

    /// <summary>Just before the request is sent: one whose send fails half-way may still have reached the server.</summary>
    void Sending(SlotRequest request);

    /// <summary>The first frame after the request that is not a <c>slots_update</c>: its answer, or an error, or something else.</summary>
    /// <returns>false if the frame does not fit the request and the loop should end as <see cref="EndingKind.WrongAnswer"/>.</returns>
    bool Answered(SlotRequest request, ServerFrame answer, long sentAt, long receivedAt);

    /// <summary>A broadcast that arrived while the loop waited for an answer.</summary>
    void SlotsUpdateReceived(long receivedAt);
}
