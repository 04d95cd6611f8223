using SlotBooking.WireClient.Load;

namespace SlotBooking.ProcessTests.Load;

/// <summary>Several <see cref="LoadClient"/>s against one host, sharing one ledger.</summary>
public sealed class LoadRun : IAsyncDisposable
{
    private readonly IReadOnlyList<LoadClient> _clients;

    private LoadRun(IReadOnlyList<LoadClient> clients) => _clients = clients;

    public static async Task<LoadRun> StartAsync(Uri address, int clients, OperationLedger ledger, int seed) =>
        new(await Task.WhenAll(Enumerable.Range(0, clients).Select(i => LoadClient.StartAsync(address, ledger, seed + i))));

    /// <summary>Clients whose loop already stopped; while the server is up and healthy this stays empty.</summary>
    public IReadOnlyList<ClientEnding> Ended =>
        _clients.Where(c => c.Run.IsCompleted).Select(c => c.Run.Result).ToList();

    /// <summary>Every client's ending, once all loops have stopped; throws <see cref="TimeoutException"/> otherwise.</summary>
    public async Task<IReadOnlyList<ClientEnding>> WaitForEndingsAsync(TimeSpan timeout) =>
        await Task.WhenAll(_clients.Select(c => c.Run)).WaitAsync(timeout);

    public Task AnswerServerClosesAsync() => Task.WhenAll(_clients.Select(c => c.AnswerServerCloseAsync()));

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients) await client.DisposeAsync();
    }
}
