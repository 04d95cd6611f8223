using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SlotBooking.Tests.EndToEnd.Auth;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.EndToEnd;

/// <summary>
/// Bodies with a key twice are refused as the socket refuses frames; no answer quotes an exception or a .NET type;
/// calendar names are bounded; every refusal, a parameter the binder could not read included, is a problem document.
/// </summary>
public sealed class HttpHygieneTests : HostTest
{
    private static readonly string Admin = TestTokens.For("root", admin: true);
    private static readonly string User = TestTokens.For("alice");

    protected override string[] HostArgs => [.. LabCalendar.Args(), .. TestTokens.Args()];

    private async Task<(HttpStatusCode Status, JsonElement Problem)> SendAsync(HttpMethod method, string path, string? json = null, string? token = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await Host.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode < 400) return (response.StatusCode, default);
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{method} {path}: {(int)response.StatusCode} '{text}'");
        Assert.DoesNotContain("System.", text);
        Assert.DoesNotContain("Exception", text);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<int[]> BookedAsync() =>
        (await Host.Http.GetFromJsonAsync<JsonElement>("/slots")).GetProperty("booked_slots").EnumerateArray().Select(e => e.GetInt32()).ToArray();

    [Fact]
    public async Task A_booking_body_with_a_key_twice_or_a_value_of_the_wrong_kind_is_refused_in_our_words_and_changes_nothing()
    {
        var (status, problem) = await SendAsync(HttpMethod.Post, "/book-slot", """{"slot_id":3,"slot_id":4}""", User);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Duplicate field 'slot_id'", problem.GetProperty("detail").GetString());

        (status, problem) = await SendAsync(HttpMethod.Post, "/book-slot", """{"slot_id":"three"}""", User);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Field 'slot_id' must be a whole number", problem.GetProperty("detail").GetString());

        (status, _) = await SendAsync(HttpMethod.Post, "/cancel-slot", """{"slot_id":3,"date":"2026-12-04","date":"x"}""", User);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        (status, _) = await SendAsync(HttpMethod.Post, "/book-slot", "{\"slot_id\":3", User);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Empty(await BookedAsync());

        (status, _) = await SendAsync(HttpMethod.Post, "/book-slot", """{"slot_id":3}""", User);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(new[] { 3 }, await BookedAsync());
    }

    [Fact]
    public async Task A_calendar_with_a_key_twice_or_a_name_over_200_characters_is_refused_and_not_created()
    {
        const string Fields = "\"time_zone\":\"UTC\",\"first_hour\":8,\"last_hour\":9";
        var (status, problem) = await SendAsync(HttpMethod.Post, "/calendars", $$"""{"id":"gym","id":"pool",{{Fields}}}""", Admin);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("id", out _), problem.GetRawText());

        // 76,000 characters are also over the routes' 64 KiB body limit; 60,000 are read and refused by the validator.
        foreach (var length in new[] { 201, 60_000, 76_000 })
        {
            (status, problem) = await SendAsync(HttpMethod.Post, "/calendars", $$"""{"id":"gym","name":"{{new string('n', length)}}",{{Fields}}}""", Admin);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            if (length < 65_536) Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _), problem.GetRawText());
        }
        (status, problem) = await SendAsync(HttpMethod.Put, "/calendars/lab", $$"""{"name":"{{new string('n', 201)}}"}""", Admin);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("at most 200 characters", problem.GetProperty("detail").GetString());

        var calendars = await Host.Http.GetFromJsonAsync<JsonElement>("/calendars");
        Assert.Equal(["default", "lab"], calendars.GetProperty("calendars").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal("Robotics lab", calendars.GetProperty("calendars")[1].GetProperty("name").GetString());

        (status, _) = await SendAsync(HttpMethod.Post, "/calendars", $$"""{"id":"gym","name":"{{new string('n', 200)}}",{{Fields}}}""", Admin);
        Assert.Equal(HttpStatusCode.Created, status);
    }

    [Fact]
    public async Task A_registration_with_an_email_twice_is_refused_and_creates_no_account()
    {
        var (status, problem) = await SendAsync(HttpMethod.Post, "/auth/register",
            """{"email":"mallory@example.org","password":"long enough","email":"alice@example.org"}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Duplicate field 'email'", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Created, (await Host.Http.RegisterAsync("alice@example.org", "long enough")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Host.Http.RegisterAsync("mallory@example.org", "long enough")).StatusCode);
    }

    [Theory]
    [InlineData("days=x", "days")]
    [InlineData("days=99999999999", "days")]
    [InlineData("days=", "days")]
    [InlineData("days=40", "days")]
    [InlineData("days=0", "days")]
    [InlineData("from=2026-02-30", "from")]
    public async Task A_parameter_the_binder_or_the_handler_refuses_is_named_in_the_same_problem_document(string query, string parameter)
    {
        var (status, problem) = await SendAsync(HttpMethod.Get, $"/calendars/lab/availability?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal($"Invalid parameter '{parameter}'", problem.GetProperty("title").GetString());
        Assert.StartsWith($"Parameter '{parameter}': ", problem.GetProperty("detail").GetString());
        Assert.Equal([parameter], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_parameter_the_binder_refuses_says_what_it_should_have_been_without_a_dotnet_type()
    {
        var (_, problem) = await SendAsync(HttpMethod.Get, "/calendars/lab/availability?from=2026-12-04&days=x");
        Assert.Equal("Parameter 'days': 'x' is not a whole number", problem.GetProperty("detail").GetString());
        Assert.Equal(["'x' is not a whole number"], problem.GetProperty("errors").GetProperty("days").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Refusals_made_before_any_handler_are_problem_documents_too()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, "/no-such-route")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "/my-bookings")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Post, "/book-slot", "{}", "garbage")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Delete, "/calendars/lab", null, User)).Status);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await SendAsync(HttpMethod.Delete, "/slots")).Status);
    }
}
