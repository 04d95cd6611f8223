using Microsoft.Extensions.Options;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Domain;
using SlotBooking.Host.Configuration;

namespace SlotBooking.Host.Http;

/// <summary>
/// Sends one slot command from an HTTP route where <see cref="Boards"/> sends it (a day's through its board, the
/// default board's straight to its slot), and waits for the slot's answer, which comes only once the change is stored.
/// </summary>
public sealed class SlotCommander(BoardDirectory boards, IOptions<SlotBookingOptions> options)
{
    public async Task<SlotReply> SendAsync(ISlotCommand command, BoardKey board, CancellationToken cancellationToken)
    {
        var to = await boards.GetAsync(cancellationToken);
        return await to.Command(board, command, options.Value.AskTimeout, cancellationToken);
    }
}
