using Microsoft.IdentityModel.Tokens;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.EndToEnd.Auth;

/// <summary>
/// Each key is bound to its issuer, each issuer to its audiences and algorithms: with this server's key and a provider's
/// both configured, neither key signs a token of the other issuer, neither issuer's tokens count for the other's
/// audience, and a token signed with an algorithm its issuer does not use is refused; alike over HTTP, at the WebSocket
/// upgrade and in a WebSocket message.
/// </summary>
public sealed class IssuerBindingTests : HostTest
{
    protected override string[] HostArgs => [.. TestTokens.Args(), .. TestTokens.Provider.Args()];

    private static byte[] ProviderKey => Convert.FromBase64String(TestTokens.Provider.KeyBase64);

    public static TheoryData<string, string> RefusedTokens() => new()
    {
        {
            "the provider's key claiming this server's issuer and audience",
            TestTokens.For("mallory@example.org", key: System.Text.Encoding.UTF8.GetString(ProviderKey))
        },
        {
            "this server's key claiming the provider's issuer and audience",
            TestTokens.For("mallory@idp.example", issuer: TestTokens.Provider.Issuer, audience: TestTokens.Provider.Audience)
        },
        { "this server's issuer for the provider's audience", TestTokens.For("mallory@example.org", audience: TestTokens.Provider.Audience) },
        { "the provider's issuer for this server's audience", TestTokens.Provider.For("mallory@idp.example", audience: TestTokens.Audience) },
        { "this server's token signed HS384", TestTokens.For("mallory@example.org", algorithm: SecurityAlgorithms.HmacSha384) },
        { "this server's token signed HS512", TestTokens.For("mallory@example.org", algorithm: SecurityAlgorithms.HmacSha512) },
        { "the provider's token signed HS512, an algorithm it does not name", TestTokens.Provider.For("mallory@idp.example", algorithm: SecurityAlgorithms.HmacSha512) },
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task Is_refused_on_every_path(string kind, string token)
    {
        Assert.True(TokenPaths.AllRefused == await TokenPaths.VerdictsAsync(Host, token), kind);
    }

    [Fact]
    public async Task Each_issuers_own_tokens_are_accepted_on_every_path()
    {
        // So that the refusals above are for what each token changed, not for the host refusing everything.
        Assert.Equal(TokenPaths.AllAccepted, await TokenPaths.VerdictsAsync(Host, TestTokens.For("carol@example.org")));
        Assert.Equal(TokenPaths.AllAccepted, await TokenPaths.VerdictsAsync(Host, TestTokens.Provider.For("carol@idp.example")));
    }
}

/// <summary>A provider whose section names its algorithms gets exactly those.</summary>
public sealed class ProviderAlgorithmTests : HostTest
{
    protected override string[] HostArgs => [.. TestTokens.Provider.Args(), "--Authentication:Schemes:Bearer:ValidAlgorithms:0=HS512"];

    [Fact]
    public async Task Only_the_named_algorithms_are_accepted()
    {
        Assert.Equal(TokenPaths.AllAccepted, await TokenPaths.VerdictsAsync(Host, TestTokens.Provider.For("carol@idp.example", algorithm: SecurityAlgorithms.HmacSha512)));
        Assert.Equal(TokenPaths.AllRefused, await TokenPaths.VerdictsAsync(Host, TestTokens.Provider.For("carol@idp.example")));
    }
}
