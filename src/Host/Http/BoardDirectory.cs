using Akka.Hosting;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Slots;

namespace SlotBooking.Host.Http;

/// <summary>
/// The <see cref="Boards"/> of the running actor system (the boards' and slots' shard regions, from the registry, and
/// the calendar registry): what routes and sessions reach every board and the default board's slots through.
/// </summary>
public sealed class BoardDirectory(IRequiredActor<BoardActor> boards, IRequiredActor<SlotActor> slots, CalendarRegistry calendars)
{
    public async Task<Boards> GetAsync(CancellationToken cancellationToken = default) =>
        new(await boards.GetAsync(cancellationToken), await slots.GetAsync(cancellationToken), calendars.Find);
}
