using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using SlotBooking.Protocol;
using SlotBooking.WireClient.Requests;

namespace SlotBooking.Client.Load;

/// <summary>The dated calendars a server has (from <c>GET /calendars</c>), as days for a load to spread over.</summary>
public static class DatedDays
{
    /// <summary>
    /// Every dated calendar that is not retired, each on the <paramref name="days"/> days after today (UTC): within each
    /// calendar's horizon when <paramref name="days"/> is below it. Returns the days and the hours of the first calendar (the load uses one
    /// range of hours for all; calendars with other hours answer "does not exist", counted as refusals).
    /// </summary>
    public static async Task<(IReadOnlyList<DayAddress> Days, SlotRange Hours)> FromServerAsync(Uri socketAddress, int days, CancellationToken cancellationToken)
    {
        var http = new UriBuilder(socketAddress) { Scheme = socketAddress.Scheme == "wss" ? "https" : "http", Path = "/calendars" }.Uri;
        using var client = new HttpClient();
        var body = await client.GetFromJsonAsync<JsonElement>(http, cancellationToken);
        // A retired calendar refuses every booking; servers before calendars could be retired list no "retired".
        var dated = body.GetProperty("calendars").EnumerateArray()
            .Where(c => c.GetProperty("dated").GetBoolean() && !(c.TryGetProperty("retired", out var retired) && retired.GetBoolean()))
            .ToArray();
        if (dated.Length == 0) throw new InvalidOperationException($"{http} lists no dated calendar");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var addresses = dated
            .SelectMany(c => Enumerable.Range(1, days).Select(d =>
                new DayAddress(c.GetProperty("id").GetString()!, today.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))))
            .ToArray();
        var hours = new SlotRange(dated[0].GetProperty("first_hour").GetInt32(), dated[0].GetProperty("last_hour").GetInt32());
        return (addresses, hours);
    }
}
