using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SlotBooking.Tests.Hostile;

/// <summary>The fuzzers' read of one board's booked slots over HTTP.</summary>
internal static class BookedSlotsRead
{
    /// <summary>
    /// The ids booked on the board at <paramref name="path"/>. A day outside the readable dates answers 400 and is read as
    /// empty: nothing can be booked there, so a model that holds a booking on it disagrees with the server, as it should.
    /// </summary>
    public static async Task<IReadOnlyList<int>> OfAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        if (response.StatusCode == HttpStatusCode.BadRequest && path.Contains("date=", StringComparison.Ordinal)) return [];
        response.EnsureSuccessStatusCode();
        var slots = await response.Content.ReadFromJsonAsync<JsonElement>();
        return slots.GetProperty("booked_slots").EnumerateArray().Select(id => id.GetInt32()).ToArray();
    }
}
