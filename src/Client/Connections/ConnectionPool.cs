using SlotBooking.WireClient.Connections;
using SlotBooking.WireClient.Frames;

namespace SlotBooking.Client.Connections;

/// <summary>A connection that has read the server's first <c>slots_update</c>, and what that frame said.</summary>
public sealed record OpenedConnection(WireSocket Socket, byte[] InitialState);

/// <summary>How a batch of connections went: the ones that opened, and why the others did not.</summary>
public sealed record OpenedConnections(IReadOnlyList<OpenedConnection> Opened, IReadOnlyList<string> Failures, TimeSpan Elapsed);

/// <summary>
/// Opens many connections with a bounded number of handshakes in flight, so a burst of thousands does not
/// overflow the server's accept queue; each one has read its initial <c>slots_update</c> before it counts.
/// </summary>
public static class ConnectionPool
{
    public static async Task<OpenedConnections> OpenAsync(
        Connector connector, int count, int parallelism, TimeSpan timeout, Action<int>? onProgress, CancellationToken cancellationToken,
        Func<int, string?>? tokenFor = null)
    {
        var started = DateTime.UtcNow;
        var opened = new OpenedConnection?[count];
        var failures = new string?[count];
        var done = 0;
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            try
            {
                opened[i] = await OpenOneAsync(connector, timeout, ct, tokenFor?.Invoke(i));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failures[i] = ex.GetBaseException().Message;
            }
            var n = Interlocked.Increment(ref done);
            onProgress?.Invoke(n);
        });
        return new OpenedConnections(
            opened.OfType<OpenedConnection>().ToArray(),
            failures.OfType<string>().ToArray(),
            DateTime.UtcNow - started);
    }

    /// <param name="bearerToken">Signs the connection in; null connects anonymously.</param>
    public static async Task<OpenedConnection> OpenOneAsync(Connector connector, TimeSpan timeout, CancellationToken cancellationToken, string? bearerToken = null)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var socket = await connector.ConnectAsync(deadline.Token, bearerToken);
        try
        {
            // A signed-in connection may get its my_bookings before the first slots_update.
            var initial = await socket.ReceiveAsync(deadline.Token);
            while (ServerFrameReader.Read(initial.Span).Kind == ServerFrameKind.MyBookings) initial = await socket.ReceiveAsync(deadline.Token);
            return new OpenedConnection(socket, initial.ToArray());
        }
        catch
        {
            socket.Abort();
            await socket.DisposeAsync();
            throw;
        }
    }

    /// <summary>Closes every connection politely, a bounded number at a time.</summary>
    public static Task CloseAllAsync(IEnumerable<WireSocket> sockets, int parallelism = 256) =>
        Parallel.ForEachAsync(sockets, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (socket, _) => await socket.DisposeAsync());
}
