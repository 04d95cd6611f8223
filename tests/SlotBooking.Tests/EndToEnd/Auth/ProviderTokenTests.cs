using System.Net;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.EndToEnd.Auth;

/// <summary>
/// An identity provider's tokens, configured only in the standard Authentication:Schemes:Bearer section (as
/// <c>dotnet user-jwts</c> writes it), are accepted beside the server's own, whose key is generated.
/// </summary>
public sealed class ProviderTokenTests : HostTest
{
    // A provider's subject is listed as an admin by its issuer and subject together.
    protected override string[] HostArgs => [.. TestTokens.Provider.Args(), $"--SlotBooking:Admins:0={TestTokens.Provider.Issuer} boss@idp.example"];

    [Fact]
    public async Task Accepts_the_providers_token()
    {
        var response = await Host.Http.MeAsync(TestTokens.Provider.For("carol@idp.example"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var who = await response.JsonAsync();
        Assert.Equal("carol@idp.example", who.GetProperty("subject").GetString());
        Assert.Equal(TestTokens.Provider.Issuer, who.GetProperty("issuer").GetString());
        Assert.False(who.GetProperty("is_admin").GetBoolean());
    }

    [Theory]
    [InlineData("boss@idp.example", false)]
    [InlineData("carol@idp.example", true)]
    public async Task A_listed_admin_or_a_token_with_the_admin_role_is_an_admin(string subject, bool role)
    {
        var who = await (await Host.Http.MeAsync(TestTokens.Provider.For(subject, admin: role))).JsonAsync();
        Assert.True(who.GetProperty("is_admin").GetBoolean());
    }

    [Fact]
    public async Task Refuses_the_providers_key_under_another_issuer()
    {
        var response = await Host.Http.MeAsync(TestTokens.Provider.For("carol@idp.example", issuer: "https://elsewhere.example"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Refuses_the_providers_issuer_and_audience_signed_with_another_key()
    {
        // TestTokens.For signs with the test key, which this host does not have (its own key is generated).
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.Http.MeAsync(TestTokens.For("carol@idp.example"))).StatusCode);
    }

    [Fact]
    public async Task Built_in_accounts_still_sign_in_beside_the_provider()
    {
        var token = await Host.Http.SignUpAsync("local@example.org", "a local password");

        var who = await (await Host.Http.MeAsync(token)).JsonAsync();
        Assert.Equal("local@example.org", who.GetProperty("subject").GetString());
    }
}
