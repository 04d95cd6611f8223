using System.Globalization;
using System.Net;
using System.Text.Json;

namespace SlotBooking.Tests.EndToEnd.Auth;

/// <summary>POST /auth/register and /auth/login on the real host: the seed's shapes, and every refusal.</summary>
public sealed class AccountRouteTests : HostTest
{
    private const string Password = "correct horse battery";

    // These tests send many requests from one address: the per-address burst is raised (the limits have their own tests).
    protected override string[] HostArgs => ["--SlotBooking:Auth:RequestBurst=100", "--SlotBooking:Auth:RequestsPerMinute=1000"];

    [Fact]
    public async Task Register_answers_201_in_the_seed_shape()
    {
        var response = await Host.Http.RegisterAsync("Alice@Example.org", Password);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(["email", "message", "success"], body.PropertyNames());
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal("User account created successfully", body.GetProperty("message").GetString());
        Assert.Equal("Alice@Example.org", body.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Login_answers_the_seed_shape_with_a_token_for_the_account()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await Host.Http.RegisterAsync("Alice@Example.org", Password);

        var response = await Host.Http.LoginAsync("alice@example.org", Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(["message", "success", "token", "user"], body.PropertyNames());
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal("Login successful", body.GetProperty("message").GetString());
        var user = body.GetProperty("user");
        Assert.Equal(["created_at", "email"], user.PropertyNames());
        Assert.Equal("Alice@Example.org", user.GetProperty("email").GetString());
        var createdAtText = user.GetProperty("created_at").GetString()!;
        Assert.EndsWith("+00:00", createdAtText);
        var createdAt = DateTimeOffset.Parse(createdAtText, CultureInfo.InvariantCulture);
        Assert.InRange(createdAt, before, DateTimeOffset.UtcNow.AddSeconds(1));

        var me = await Host.Http.MeAsync(body.GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var who = await me.JsonAsync();
        Assert.Equal(["is_admin", "issuer", "subject"], who.PropertyNames());
        Assert.Equal("slotbooking", who.GetProperty("issuer").GetString());
        Assert.Equal("Alice@Example.org", who.GetProperty("subject").GetString());
        Assert.False(who.GetProperty("is_admin").GetBoolean());
    }

    /// <summary>Bodies register refuses, each with a word its problem detail must contain.</summary>
    public static readonly (string Body, string DetailMentions)[] BadRegistrations =
    [
        ("""{"email":"not-an-email","password":"long enough"}""", "email"),
        ("""{"email":"with space@example.org","password":"long enough"}""", "email"),
        ("""{"email":"alice@example","password":"long enough"}""", "email"),
        ("""{"email":"alice@example.org","password":"short"}""", "password"),
        ("""{"email":"alice@example.org"}""", "password"),
        ("""{"password":"long enough"}""", "email"),
        ("""{"email":"alice@example.org","password":12345678}""", "JSON"),
        // Unterminated: the last quote is escaped.
        ("{\"email\":\"alice@example.org\",\"password\":\"long enough\\\"", "JSON"),
        ("""["alice@example.org","long enough"]""", "JSON"),
        ("null", "JSON object"),
        ("", "JSON"),
    ];

    [Fact]
    public async Task Register_refuses_bad_input_with_400_and_a_problem_detail()
    {
        foreach (var (body, detailMentions) in BadRegistrations)
        {
            var response = await Host.Http.PostRawAsync("/auth/register", body);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{body}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.JsonAsync();
            Assert.Equal(400, problem.GetProperty("status").GetInt32());
            Assert.Contains(detailMentions, problem.GetProperty("detail").GetString());
        }
        // Nothing was created: the email registers fine afterwards.
        Assert.Equal(HttpStatusCode.Created, (await Host.Http.RegisterAsync("alice@example.org", Password)).StatusCode);
    }

    [Fact]
    public async Task Register_refuses_emails_over_254_characters_and_passwords_over_1024()
    {
        var longEmail = new string('a', 243) + "@example.org";
        Assert.Equal(255, longEmail.Length);
        Assert.Equal(HttpStatusCode.BadRequest, (await Host.Http.RegisterAsync(longEmail, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Host.Http.RegisterAsync(longEmail[1..], Password)).StatusCode);

        var response = await Host.Http.RegisterAsync("long@example.org", new string('p', 1025));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("1024", (await response.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_body_over_16_KB_is_refused_unread()
    {
        var body = JsonSerializer.Serialize(new { email = "big@example.org", password = new string('p', 20_000) });
        var response = await Host.Http.PostRawAsync("/auth/register", body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Register_refuses_a_taken_email_with_409()
    {
        Assert.Equal(HttpStatusCode.Created, (await Host.Http.RegisterAsync("taken@example.org", Password)).StatusCode);

        var again = await Host.Http.RegisterAsync("taken@example.org", "another password");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.JsonAsync();
        Assert.Equal(409, problem.GetProperty("status").GetInt32());
        Assert.Contains("already exists", problem.GetProperty("detail").GetString());
        // The first password still holds; the second was not stored.
        Assert.Equal(HttpStatusCode.OK, (await Host.Http.LoginAsync("taken@example.org", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.Http.LoginAsync("taken@example.org", "another password")).StatusCode);
    }

    [Fact]
    public async Task Two_concurrent_registrations_of_one_email_create_it_once()
    {
        var responses = await Task.WhenAll(
            Host.Http.RegisterAsync("race@example.org", "first password"),
            Host.Http.RegisterAsync("race@example.org", "second password"));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var winner = responses[0].StatusCode == HttpStatusCode.Created ? "first password" : "second password";
        var loser = winner == "first password" ? "second password" : "first password";
        Assert.Equal(HttpStatusCode.OK, (await Host.Http.LoginAsync("race@example.org", winner)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.Http.LoginAsync("race@example.org", loser)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_401()
    {
        await Host.Http.RegisterAsync("known@example.org", Password);

        var wrongPassword = await Host.Http.LoginAsync("known@example.org", "not the password");
        var unknownEmail = await Host.Http.LoginAsync("unknown@example.org", Password);
        var implausibleEmail = await Host.Http.LoginAsync("not-an-email", Password);

        foreach (var response in new[] { wrongPassword, unknownEmail, implausibleEmail })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var problem = await response.JsonAsync();
            Assert.Equal("Invalid credentials", problem.GetProperty("detail").GetString());
            Assert.Equal("Invalid credentials", problem.GetProperty("title").GetString());
        }
    }

    [Fact]
    public async Task Login_refuses_missing_fields_and_malformed_json_with_400()
    {
        foreach (var body in new[] { """{"password":"long enough"}""", """{"email":"alice@example.org"}""", """{"email":"alice@example.org","password":""}""", "not json" })
        {
            var response = await Host.Http.PostRawAsync("/auth/login", body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{body}: {response.StatusCode}");
            Assert.False(string.IsNullOrEmpty((await response.JsonAsync()).GetProperty("detail").GetString()));
        }
    }

    [Fact]
    public async Task Unicode_spellings_of_one_email_are_one_account_shown_as_first_registered()
    {
        Assert.Equal(HttpStatusCode.Created, (await Host.Http.RegisterAsync("Ärger@Example.org", Password)).StatusCode);

        // Lower case, and lower case with the umlaut as a combining mark (as some keyboards and copies send it).
        foreach (var spelling in new[] { "ärger@example.org", "a\u0308rger@example.org", "ÄRGER@EXAMPLE.ORG" })
        {
            var login = await Host.Http.LoginAsync(spelling, Password);
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            Assert.Equal("Ärger@Example.org", (await login.JsonAsync()).GetProperty("user").GetProperty("email").GetString());
        }
        Assert.Equal(HttpStatusCode.Conflict, (await Host.Http.RegisterAsync("ärger@example.org", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Host.Http.RegisterAsync("A\u0308RGER@example.org", Password)).StatusCode);
    }

    [Fact]
    public async Task A_password_typed_composed_or_decomposed_is_the_same_password()
    {
        Assert.Equal(HttpStatusCode.Created, (await Host.Http.RegisterAsync("umlaut@example.org", "geheimes Passwört")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Host.Http.LoginAsync("umlaut@example.org", "geheimes Passwo\u0308rt")).StatusCode);
    }

    [Fact]
    public async Task Me_refuses_a_request_without_a_token()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.Http.MeAsync(null)).StatusCode);
    }
}
