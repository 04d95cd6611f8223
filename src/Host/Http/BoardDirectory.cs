using Akka.Hosting;
using SlotBooking.Actors.Board;

namespace SlotBooking.Host.Http;

/// <summary>The <see cref="Boards"/> of the running actor system, from the registry: what routes and sessions reach every board through.</summary>
public sealed class BoardDirectory(IRequiredActor<BoardRouter> router, IRequiredActor<BoardActor> defaultBoard)
{
    public async Task<Boards> GetAsync(CancellationToken cancellationToken = default) =>
        new(await router.GetAsync(cancellationToken), await defaultBoard.GetAsync(cancellationToken));
}
