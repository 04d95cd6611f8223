using Akka.Hosting;
using SlotBooking.Actors.Board;

namespace SlotBooking.Host.Http;

/// <summary>The <see cref="Boards"/> of the running actor system (the boards' shard region, from the registry): what routes and sessions reach every board through.</summary>
public sealed class BoardDirectory(IRequiredActor<BoardActor> region)
{
    public async Task<Boards> GetAsync(CancellationToken cancellationToken = default) => new(await region.GetAsync(cancellationToken));
}
