using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;

namespace SlotBooking.Client.Commands;

/// <summary>
/// <c>register</c> and <c>login</c>: the server's built-in accounts (<c>POST /auth/register</c>, <c>/auth/login</c>).
/// <c>login</c> prints the token alone on stdout, so that <c>--token "$(slotbooking-client login ...)"</c> works.
/// </summary>
public static class AccountCommands
{
    public static Command Register() => Create("register", "Create an account (email and password, at least 8 characters)", "/auth/register", printToken: false);

    public static Command Login() => Create("login", "Sign in: prints a bearer token for --token", "/auth/login", printToken: true);

    private static Command Create(string name, string description, string path, bool printToken)
    {
        var url = CommonOptions.Url();
        var email = new Option<string>("--email") { Description = "The account's email", Required = true };
        var password = new Option<string?>("--password")
        {
            Description = "The password (default: read from the SLOTBOOKING_PASSWORD environment variable, so it stays out of shell history)",
        };
        var command = new Command(name, description) { url, email, password };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var secret = parse.GetValue(password) ?? Environment.GetEnvironmentVariable("SLOTBOOKING_PASSWORD");
            if (string.IsNullOrEmpty(secret))
            {
                Console.Error.WriteLine("Give --password, or set SLOTBOOKING_PASSWORD.");
                return 2;
            }
            using var http = new HttpClient { BaseAddress = HttpBaseOf(parse.GetValue(url)!) };
            using var response = await http.PostAsJsonAsync(path, new Dictionary<string, string> { ["email"] = parse.GetValue(email)!, ["password"] = secret }, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"{(int)response.StatusCode} {response.ReasonPhrase}: {ProblemOf(body)}");
                return 1;
            }
            if (!printToken)
            {
                Console.WriteLine(body);
                return 0;
            }
            Console.WriteLine(JsonDocument.Parse(body).RootElement.GetProperty("token").GetString());
            return 0;
        });
        return command;
    }

    /// <summary>The HTTP address of the server whose WebSocket is <paramref name="socket"/>.</summary>
    public static Uri HttpBaseOf(Uri socket) =>
        new UriBuilder(socket) { Scheme = socket.Scheme == "wss" ? "https" : "http", Path = "/", Query = "" }.Uri;

    private static string ProblemOf(string body)
    {
        try
        {
            var root = JsonDocument.Parse(body).RootElement;
            return root.TryGetProperty("detail", out var detail) ? detail.GetString() ?? body : body;
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
