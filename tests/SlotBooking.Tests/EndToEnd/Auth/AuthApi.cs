using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SlotBooking.Tests.EndToEnd.Auth;

/// <summary>The account routes as a client calls them, with the raw answers for the tests to check.</summary>
public static class AuthApi
{
    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient http, string email, string password) =>
        http.PostAsJsonAsync("/auth/register", new Dictionary<string, string> { ["email"] = email, ["password"] = password });

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient http, string email, string password) =>
        http.PostAsJsonAsync("/auth/login", new Dictionary<string, string> { ["email"] = email, ["password"] = password });

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient http, string path, string body, string contentType = "application/json") =>
        http.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));

    /// <summary>Registers and logs in; the login's token.</summary>
    public static async Task<string> SignUpAsync(this HttpClient http, string email, string password)
    {
        Assert.Equal(HttpStatusCode.Created, (await http.RegisterAsync(email, password)).StatusCode);
        var login = await http.LoginAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public static async Task<HttpResponseMessage> MeAsync(this HttpClient http, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/auth/me");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>The names of an object's properties, sorted, to compare a shape exactly.</summary>
    public static string[] PropertyNames(this JsonElement element) =>
        element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
}
