using Akka.Actor;

namespace SlotBooking.Actors.Storage;

/// <summary>
/// The latest word on storage health: failures reported by boards, slots and the calendar catalog, and the storage
/// probe's results, until the probe sees storage working again. <c>/health</c> reads it beside the default board.
/// </summary>
public sealed class StorageHealthActor : ReceiveActor
{
    private string? _problem;

    public StorageHealthActor()
    {
        Receive<StorageFailed>(m => _problem = m.Problem);
        Receive<StorageAvailable>(_ => _problem = null);
        Receive<GetStorageHealth>(_ => Sender.Tell(new StorageHealth(_problem)));
    }

    public static Props Props() => Akka.Actor.Props.Create(() => new StorageHealthActor());
}
