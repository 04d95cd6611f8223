using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Days;
using SlotBooking.Host.Configuration;

namespace SlotBooking.Host.Http;

/// <summary>The ask an HTTP read of a dated day makes: that day's view, with the configured timeout.</summary>
public sealed class DayReader(IRequiredActor<DayRouter> days, IOptions<SlotBookingOptions> options)
{
    public async Task<BoardView> ReadAsync(string calendarId, LocalDate date, CancellationToken cancellationToken)
    {
        var router = await days.GetAsync(cancellationToken);
        return await router.Ask<BoardView>(new DayEnvelope(calendarId, date, GetBoard.Instance), options.Value.AskTimeout, cancellationToken);
    }
}
