using Microsoft.Extensions.Options;
using SlotBooking.Actors.Board;
using SlotBooking.Host.Configuration;

namespace SlotBooking.Host.Http;

/// <summary>The one ask every HTTP read of a board makes (the default calendar's or a dated day's): its current view, with the configured timeout.</summary>
public sealed class BoardReader(BoardDirectory boards, IOptions<SlotBookingOptions> options)
{
    public async Task<BoardView> ReadAsync(BoardKey board, CancellationToken cancellationToken)
    {
        var to = await boards.GetAsync(cancellationToken);
        return await to.Ask<BoardView>(board, GetBoard.Instance, options.Value.AskTimeout, cancellationToken);
    }
}
