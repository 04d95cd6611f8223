namespace SlotBooking.Actors.Slots;

/// <summary>
/// The slot's own stop message, sharding's hand-off and passivation message for slots: the slot stops once no write is
/// in flight, so no Persist callback is cut short (never PoisonPill, akka.net issue 6321).
/// </summary>
public sealed record StopSlot
{
    public static StopSlot Instance { get; } = new();
    private StopSlot() { }
}

/// <summary>
/// Asks a slot to tell its stored state to the sender (a <see cref="Board.SlotStateChanged"/>): how a board that
/// (re)starts learns the state of its touched slots, whether they are running already or start for this message.
/// </summary>
public sealed record ReportSlotState
{
    public static ReportSlotState Instance { get; } = new();
    private ReportSlotState() { }
}
