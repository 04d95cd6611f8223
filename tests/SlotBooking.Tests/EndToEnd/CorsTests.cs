using System.Net.Http.Headers;

namespace SlotBooking.Tests.EndToEnd;

/// <summary>With configured origins, only those get CORS headers (the default, "*", allows all as the seed does).</summary>
public sealed class CorsTests : HostTest
{
    protected override string[] HostArgs => ["--SlotBooking:CorsOrigins:0=https://booking.example"];

    [Theory]
    [InlineData("https://booking.example", true)]
    [InlineData("https://elsewhere.example", false)]
    public async Task Only_configured_origins_are_allowed(string origin, bool allowed)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/slots");
        request.Headers.Add("Origin", origin);

        using var response = await Host.Http.SendAsync(request);

        response.EnsureSuccessStatusCode();
        var header = response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
        Assert.Equal(allowed ? origin : null, header);
    }
}
