namespace SlotBooking.Client.Fanout;

/// <summary>One fan-out run: <see cref="Listeners"/> idle connections watch one writer make <see cref="Changes"/> changes.</summary>
public sealed record FanoutOptions(Uri Address, int Listeners, int Changes)
{
    /// <summary>The slot the writer toggles; null means the first slot of the server's range.</summary>
    public int? SlotId { get; init; }

    /// <summary>Connection handshakes in flight at once while the listeners connect.</summary>
    public int ConnectParallelism { get; init; } = 200;

    /// <summary>A change not seen by every listener within this long ends the run as timed out.</summary>
    public TimeSpan ChangeTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>When set, the server's CPU use during the changes is reported too.</summary>
    public int? ServerProcessId { get; init; }
}
