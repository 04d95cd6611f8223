namespace SlotBooking.Actors.Storage;

/// <summary>A write or read of the journal failed; <see cref="Problem"/> says what the store answered.</summary>
public sealed record StorageFailed(string Problem);

/// <summary>A probe write reached the journal: storage works.</summary>
public sealed record StorageAvailable
{
    public static StorageAvailable Instance { get; } = new();
    private StorageAvailable() { }
}

/// <summary>The probe's journaled event; only the newest one is kept.</summary>
public sealed record StorageProbed(DateTimeOffset At);
