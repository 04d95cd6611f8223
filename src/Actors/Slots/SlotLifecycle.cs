namespace SlotBooking.Actors.Slots;

/// <summary>A slot, idle for a while, asks its manager to stop it; the manager holds back its messages until it has stopped.</summary>
internal sealed record PassivateSlot(int SlotId);

/// <summary>The manager's answer to <see cref="PassivateSlot"/>: stop once nothing is in flight.</summary>
internal sealed record StopSlot
{
    public static StopSlot Instance { get; } = new();
}
