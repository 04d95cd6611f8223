using System.Diagnostics;
using System.Net.WebSockets;
using SlotBooking.WireClient.Connections;
using SlotBooking.WireClient.Frames;
using SlotBooking.WireClient.Requests;

namespace SlotBooking.WireClient.Load;

/// <summary>
/// One closed-loop client: book or cancel a random slot of those <paramref name="frames"/> hold, wait for the answer (skipping the broadcasts that
/// arrive meanwhile), report it, repeat. One request at a time, so the one left unanswered when the loop ends is
/// known exactly. Whatever the server or the connection does, the loop returns why it ended instead of throwing;
/// only an exception of the observer's own escapes.
/// </summary>
public sealed class LoadLoop(WireSocket socket, RequestFrames frames, Random random, TimeSpan responseTimeout, ILoadLoopObserver observer)
{
    public async Task<ClientEnding> RunAsync(CancellationToken stop)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stop);
        try
        {
            while (observer.WantsAnother())
            {
                var operation = random.Next(2) == 0 ? SlotOperation.Book : SlotOperation.Cancel;
                var (slotId, frame) = frames.At(operation, random.Next(frames.Count));
                var request = new SlotRequest(operation, slotId);
                deadline.CancelAfter(responseTimeout);
                observer.Sending(request);
                var sentAt = Stopwatch.GetTimestamp();
                await socket.SendAsync(frame, deadline.Token);
                var (answer, receivedAt) = await ReceiveAnswerAsync(deadline.Token);
                deadline.CancelAfter(Timeout.InfiniteTimeSpan);
                if (!observer.Answered(request, answer, sentAt, receivedAt))
                    return Ended(EndingKind.WrongAnswer, $"expected a {request.ExpectedAnswer} to {request}, got {answer}");
            }
            return Ended(EndingKind.Stopped, "no more requests wanted");
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return Ended(EndingKind.Stopped, "cancelled");
        }
        catch (OperationCanceledException)
        {
            return Ended(EndingKind.NoAnswer, $"no answer within {responseTimeout.TotalSeconds:0.#} s");
        }
        catch (ServerClosedException closed)
        {
            return new ClientEnding(EndingKind.ServerClosed, closed.Status, closed.Description ?? "", DateTime.UtcNow);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException)
        {
            return Ended(EndingKind.ConnectionLost, ex.Message);
        }
    }

    private async Task<(ServerFrame Answer, long ReceivedAt)> ReceiveAnswerAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var utf8 = await socket.ReceiveAsync(cancellationToken);
            var receivedAt = Stopwatch.GetTimestamp();
            var frame = ServerFrameReader.Read(utf8.Span);
            // Pushes are not answers: broadcasts are counted, a signed-in client's my_bookings skipped.
            if (frame.Kind == ServerFrameKind.MyBookings) continue;
            if (frame.Kind != ServerFrameKind.SlotsUpdate) return (frame, receivedAt);
            observer.SlotsUpdateReceived(receivedAt);
        }
    }

    private static ClientEnding Ended(EndingKind kind, string detail) => new(kind, null, detail, DateTime.UtcNow);
}
