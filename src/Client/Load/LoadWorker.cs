using System.Diagnostics;
using SlotBooking.Protocol;
using SlotBooking.WireClient.Connections;
using SlotBooking.WireClient.Frames;
using SlotBooking.WireClient.Load;
using SlotBooking.WireClient.Requests;

namespace SlotBooking.Client.Load;

/// <summary>
/// One client of a load run: the wire client's closed loop, counted into the run's shared tallies until the
/// measurement window ends. An error answer is counted and the loop goes on; a timeout or a lost connection
/// ends this client only.
/// </summary>
public sealed class LoadWorker : ILoadLoopObserver
{
    private readonly LoadCounters _counters;
    private readonly TimeSpan _responseTimeout;
    private readonly LoadLoop _loop;

    public LoadWorker(WireSocket socket, RequestFrames frames, Random random, LoadCounters counters, TimeSpan responseTimeout)
    {
        _counters = counters;
        _responseTimeout = responseTimeout;
        _loop = new LoadLoop(socket, frames, random, responseTimeout, this);
    }

    public async Task RunAsync(CancellationToken stop)
    {
        var ending = await _loop.RunAsync(stop);
        switch (ending.Kind)
        {
            case EndingKind.NoAnswer:
                _counters.Timeout(_responseTimeout);
                break;
            case EndingKind.ServerClosed or EndingKind.ConnectionLost:
                _counters.Disconnect(ending.ToString());
                break;
        }
    }

    bool ILoadLoopObserver.WantsAnother() => !_counters.Window.HasEnded(Stopwatch.GetTimestamp());

    void ILoadLoopObserver.Sending(SlotRequest request)
    {
        // Counted when answered: only answers inside the window count.
    }

    bool ILoadLoopObserver.Answered(SlotRequest request, ServerFrame answer, long sentAt, long receivedAt)
    {
        if (answer.Kind == ServerFrameKind.Error) _counters.ErrorMessage(answer.Message);
        else if (request.IsAnsweredBy(answer)) _counters.Answered(answer.Success, sentAt, receivedAt);
        else _counters.UnexpectedAnswer($"{answer.Kind} for slot {answer.SlotId} while waiting for {request}");
        return true;
    }

    void ILoadLoopObserver.SlotsUpdateReceived(long receivedAt) => _counters.SlotsUpdateReceived(receivedAt);
}
