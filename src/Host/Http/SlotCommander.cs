using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Options;
using SlotBooking.Actors.Days;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Sessions;
using SlotBooking.Actors.Slots;
using SlotBooking.Host.Configuration;

namespace SlotBooking.Host.Http;

/// <summary>
/// Sends one slot command from an HTTP route to its slot (the default calendar's slot router, or a dated day) and
/// waits for the slot's answer, which comes only once the change is stored.
/// </summary>
public sealed class SlotCommander(IRequiredActor<SlotManager> slots, IRequiredActor<DayRouter> days, IOptions<SlotBookingOptions> options)
{
    public async Task<SlotReply> SendAsync(ISlotCommand command, RequestTarget.Day? day, CancellationToken cancellationToken)
    {
        var timeout = options.Value.AskTimeout;
        if (day is null)
            return await (await slots.GetAsync(cancellationToken)).Ask<SlotReply>(command, timeout, cancellationToken);
        var router = await days.GetAsync(cancellationToken);
        return await router.Ask<SlotReply>(new DayEnvelope(day.Calendar.Id, day.Date, command), timeout, cancellationToken);
    }
}
