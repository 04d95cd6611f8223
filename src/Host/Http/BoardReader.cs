using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Options;
using SlotBooking.Actors.Board;
using SlotBooking.Host.Configuration;

namespace SlotBooking.Host.Http;

/// <summary>The one ask every HTTP read makes: the board's current view, with the configured timeout.</summary>
public sealed class BoardReader(IRequiredActor<BoardActor> board, IOptions<SlotBookingOptions> options)
{
    public async Task<BoardView> ReadAsync(CancellationToken cancellationToken)
    {
        var actor = await board.GetAsync(cancellationToken);
        return await actor.Ask<BoardView>(GetBoard.Instance, options.Value.AskTimeout, cancellationToken);
    }
}
