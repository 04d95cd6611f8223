using System.Net;
using System.Net.Http.Headers;
using SlotBooking.Host.Auth;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.EndToEnd.Auth;

/// <summary>Which bearer tokens GET /auth/me accepts, over HTTP, with this server's key configured.</summary>
public sealed class TokenTests : HostTest
{
    private const string WrongKey = "another-signing-key-that-is-long-enough-for-hs256";

    protected override string[] HostArgs => [.. TestTokens.Args(), "--SlotBooking:Admins:0=boss@example.org"];

    public static TheoryData<string, Func<string>> RefusedTokens => new()
    {
        { "signed with another key", () => TestTokens.For("mallory@example.org", key: WrongKey) },
        { "expired", () => TestTokens.For("mallory@example.org", expires: DateTimeOffset.UtcNow.AddMinutes(-10)) },
        { "for another audience", () => TestTokens.For("mallory@example.org", audience: "another-service") },
        { "unsigned (alg none)", () => TestTokens.Unsigned("mallory@example.org", admin: true) },
        { "payload changed after signing", () => TestTokens.Tampered("mallory@example.org", "boss@example.org") },
        { "not a token", () => "not.a.token" },
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task Refuses_with_401(string why, Func<string> token)
    {
        var response = await Host.Http.MeAsync(token());
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"a token {why} got {response.StatusCode}");
    }

    [Fact]
    public async Task Accepts_a_good_token_and_reads_its_subject()
    {
        var response = await Host.Http.MeAsync(TestTokens.For("carol@example.org"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var who = await response.JsonAsync();
        Assert.Equal("carol@example.org", who.GetProperty("subject").GetString());
        Assert.False(who.GetProperty("is_admin").GetBoolean());
    }

    [Fact]
    public async Task The_payload_the_tampered_token_was_made_from_is_accepted()
    {
        // So the tampered token above is refused for its change, not for being malformed.
        Assert.Equal(HttpStatusCode.OK, (await Host.Http.MeAsync(TestTokens.For("mallory@example.org"))).StatusCode);
    }

    [Theory]
    [InlineData("boss@example.org", false, true)]
    [InlineData("carol@example.org", true, true)]
    // A listed email names the built-in account, whose email is one account in every spelling.
    [InlineData("Boss@example.org", false, true)]
    [InlineData("bossy@example.org", false, false)]
    public async Task Admins_are_listed_subjects_or_tokens_with_the_admin_role(string subject, bool role, bool isAdmin)
    {
        var who = await (await Host.Http.MeAsync(TestTokens.For(subject, admin: role))).JsonAsync();
        Assert.Equal(isAdmin, who.GetProperty("is_admin").GetBoolean());
    }

    [Fact]
    public async Task A_token_in_the_query_string_is_only_read_on_the_websocket_path()
    {
        var response = await Host.Http.GetAsync($"/auth/me?access_token={TestTokens.For("carol@example.org")}");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Logins_are_signed_with_the_configured_key_and_no_key_file_is_written()
    {
        var token = await Host.Http.SignUpAsync("dave@example.org", "dave's password");

        Assert.Equal(HttpStatusCode.OK, (await Host.Http.MeAsync(token)).StatusCode);
        Assert.False(File.Exists(SigningKeyStore.KeyPathFor(Host.DatabasePath)));
    }

    [Fact]
    public async Task A_scheme_other_than_bearer_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/auth/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", "Y2Fyb2w6cGFzc3dvcmQ=");
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.Http.SendAsync(request)).StatusCode);
    }
}
