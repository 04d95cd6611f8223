namespace SlotBooking.Actors.Storage;

/// <summary>A write or read of the journal failed; <see cref="Problem"/> says what the store answered.</summary>
public sealed record StorageFailed(string Problem);

/// <summary>A probe write reached the store: storage works.</summary>
public sealed record StorageAvailable
{
    public static StorageAvailable Instance { get; } = new();
    private StorageAvailable() { }
}

/// <summary>What the storage probe saves, at one snapshot key, each time it checks storage: when it did.</summary>
public sealed record StorageProbeSnapshot(DateTimeOffset At);

/// <summary>
/// The probe's journaled event in earlier versions. No longer written; kept, with its manifest, because journals hold
/// it and every all-events read (the owners' projection) deserializes it.
/// </summary>
public sealed record StorageProbed(DateTimeOffset At);

/// <summary>Asks the storage health actor for its <see cref="StorageHealth"/>.</summary>
public sealed record GetStorageHealth
{
    public static GetStorageHealth Instance { get; } = new();
    private GetStorageHealth() { }
}

/// <summary>The last storage failure reported (<see cref="Problem"/>), until storage is seen working again; null: none.</summary>
public sealed record StorageHealth(string? Problem);
