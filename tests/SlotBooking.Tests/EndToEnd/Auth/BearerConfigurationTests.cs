using System.Net;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.EndToEnd.Auth;

/// <summary>No Bearer section turns the issuer or audience check off; a bad own key, or a provider claiming our issuer, stops the start.</summary>
public sealed class BearerConfigurationTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Issuer_and_audience_are_checked_even_when_the_section_says_not_to()
    {
        // The binder honours these switches; left on, the provider's tokens for any other service would be accepted here.
        await using var host = await RunningHost.StartAsync(_database.Path,
        [
            $"--Authentication:Schemes:Bearer:ValidIssuer={TestTokens.Provider.Issuer}",
            $"--Authentication:Schemes:Bearer:ValidAudiences:0={TestTokens.Provider.Audience}",
            $"--Authentication:Schemes:Bearer:SigningKeys:0:Issuer={TestTokens.Provider.Issuer}",
            $"--Authentication:Schemes:Bearer:SigningKeys:0:Value={TestTokens.Provider.KeyBase64}",
            "--Authentication:Schemes:Bearer:ValidateAudience=false",
            "--Authentication:Schemes:Bearer:ValidateIssuer=false",
            "--Authentication:Schemes:Bearer:ValidateLifetime=false",
        ]);

        // Another audience, another issuer (its key does not make any issuer valid), expired: each refused.
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.MeAsync(
            TestTokens.Provider.For("carol@idp.example", audience: "another-service"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.MeAsync(
            TestTokens.Provider.For("carol@idp.example", issuer: "https://elsewhere.example"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.MeAsync(
            TestTokens.Provider.For("carol@idp.example", expires: DateTimeOffset.UtcNow.AddMinutes(-10)))).StatusCode);
        // This server's audience is not the provider's: its key cannot vouch for tokens meant for this server's own accounts.
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.MeAsync(
            TestTokens.Provider.For("carol@idp.example", audience: TestTokens.Audience))).StatusCode);
        // The provider's own issuer and audience: accepted, so the four above were refused for what they changed.
        Assert.Equal(HttpStatusCode.OK, (await host.Http.MeAsync(TestTokens.Provider.For("carol@idp.example"))).StatusCode);
        // Its own tokens are still accepted.
        var token = await host.Http.SignUpAsync("own@example.org", "own password");
        Assert.Equal(HttpStatusCode.OK, (await host.Http.MeAsync(token)).StatusCode);
    }

    [Fact]
    public async Task A_provider_section_that_names_this_servers_own_issuer_stops_the_start()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => RunningHost.StartAsync(_database.Path,
            $"--Authentication:Schemes:Bearer:ValidIssuer={TestTokens.Issuer}",
            $"--Authentication:Schemes:Bearer:SigningKeys:0:Issuer={TestTokens.Issuer}",
            $"--Authentication:Schemes:Bearer:SigningKeys:0:Value={TestTokens.Provider.KeyBase64}"));
        Assert.Contains("SlotBooking:Auth:Issuer", failure.Message);
    }

    [Fact]
    public async Task A_configured_signing_key_shorter_than_32_bytes_stops_the_start()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => RunningHost.StartAsync(_database.Path, "--SlotBooking:Auth:SigningKey=too-short"));
        Assert.Contains("SigningKey", failure.Message);
    }
}
