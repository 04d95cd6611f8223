using System.Diagnostics;
using System.Net.WebSockets;
using SlotBooking.Protocol;
using SlotBooking.WireClient.Connections;
using SlotBooking.WireClient.Frames;
using SlotBooking.WireClient.Requests;

namespace SlotBooking.Client.Load;

/// <summary>
/// One closed-loop client: book or cancel a random slot, wait for its answer (skipping the broadcasts that
/// arrive meanwhile), repeat until the window ends. A timeout or a lost connection ends this client only.
/// </summary>
public sealed class LoadWorker(WireSocket socket, RequestFrames frames, SlotRange slots, Random random, LoadCounters counters, TimeSpan responseTimeout)
{
    public async Task RunAsync(CancellationToken stop)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stop);
        try
        {
            while (!counters.Window.HasEnded(Stopwatch.GetTimestamp()))
            {
                var operation = random.Next(2) == 0 ? SlotOperation.Book : SlotOperation.Cancel;
                var slotId = slots.At(random.Next(slots.Count));
                deadline.CancelAfter(responseTimeout);
                var startedAt = Stopwatch.GetTimestamp();
                await socket.SendAsync(frames.For(operation, slotId), deadline.Token);
                await AwaitAnswerAsync(operation, slotId, startedAt, deadline.Token);
                deadline.CancelAfter(Timeout.InfiniteTimeSpan);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The whole run was cancelled (Ctrl+C): not this client's error.
        }
        catch (OperationCanceledException)
        {
            counters.Timeout(responseTimeout);
        }
        catch (Exception ex) when (ex is ServerClosedException or WebSocketException or IOException)
        {
            counters.Disconnect(ex.Message);
        }
    }

    private async Task AwaitAnswerAsync(SlotOperation operation, int slotId, long startedAt, CancellationToken cancellationToken)
    {
        while (true)
        {
            var utf8 = await socket.ReceiveAsync(cancellationToken);
            var receivedAt = Stopwatch.GetTimestamp();
            var frame = ServerFrameReader.Read(utf8.Span);
            switch (frame.Kind)
            {
                case ServerFrameKind.SlotsUpdate:
                    counters.SlotsUpdateReceived(receivedAt);
                    continue;
                case ServerFrameKind.Error:
                    counters.ErrorMessage(frame.Message);
                    return;
                case ServerFrameKind.BookingResponse or ServerFrameKind.CancellationResponse when AnswersRequest(frame, operation, slotId):
                    counters.Answered(frame.Success, startedAt, receivedAt);
                    return;
                default:
                    counters.UnexpectedAnswer($"{frame.Kind} for slot {frame.SlotId} while waiting for {operation} of slot {slotId}");
                    return;
            }
        }
    }

    private static bool AnswersRequest(ServerFrame frame, SlotOperation operation, int slotId) =>
        frame.SlotId == slotId
        && frame.Kind == (operation == SlotOperation.Book ? ServerFrameKind.BookingResponse : ServerFrameKind.CancellationResponse);
}
