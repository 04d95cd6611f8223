using SlotBooking.WireClient.Requests;
using System.CommandLine;
using System.CommandLine.Parsing;
using SlotBooking.Client.Slots;
using SlotBooking.Protocol;

namespace SlotBooking.Client.Commands;

/// <summary>Options several commands share, each built fresh per command so its help text stays with it.</summary>
public static class CommonOptions
{
    public const string DefaultUrl = "ws://127.0.0.1:8000/slot-booking";

    public static Option<Uri> Url() => new("--url")
    {
        Description = "The service's WebSocket endpoint",
        DefaultValueFactory = _ => new Uri(DefaultUrl),
        CustomParser = ParseWebSocketUrl,
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print the results as one JSON object on stdout (progress still goes to stderr)",
    };

    public static Option<SlotRange?> Slots(string description) => new("--slots")
    {
        Description = description,
        CustomParser = result =>
        {
            if (SlotRangeParser.TryParse(result.Tokens.Single().Value, out var range, out var error)) return range;
            result.AddError($"--slots: {error}");
            return null;
        },
    };

    public static Option<int> Positive(string name, string description, int defaultValue)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError($"{name} must be at least 1");
        });
        return option;
    }

    public static Option<double> Seconds(string name, string description, double defaultValue, double minimum = 0.1)
    {
        var option = new Option<double>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() < minimum) result.AddError($"{name} must be at least {minimum}");
        });
        return option;
    }

    public static Option<int?> ServerPid() => new("--server-pid")
    {
        Description = "The server's process id: also report its CPU use",
    };

    private static Uri? ParseWebSocketUrl(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "ws" or "wss") return uri;
        result.AddError($"--url: '{text}' is not a ws:// or wss:// address (e.g. {DefaultUrl})");
        return null;
    }

    public static Option<string?> Token() => new("--token")
    {
        Description = "Sign in with this bearer token (from 'login', or an identity provider): sent at connect as Authorization: Bearer",
    };

    public static Option<string?> Calendar() => new("--calendar") { Description = "A dated calendar's id (default: the default calendar); needs --date" };

    public static Option<DateOnly?> Date() => new("--date") { Description = "The date of a dated calendar, YYYY-MM-DD" };

    /// <summary>The dated day that --calendar and --date name together; null for the default calendar.</summary>
    public static DayAddress? DayOf(string? calendar, DateOnly? date)
    {
        if (calendar is null or "default")
            return date is null ? null : throw new ArgumentException("--date needs --calendar: the default calendar is undated");
        if (date is not { } day) throw new ArgumentException($"--calendar {calendar} is dated: give --date YYYY-MM-DD too");
        return new DayAddress(calendar, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The socket address that watches a dated day from the start (<c>?calendar=&amp;date=</c>), or the address itself.</summary>
    public static Uri Watching(Uri address, DayAddress? day) =>
        day is { } d ? new UriBuilder(address) { Query = $"calendar={Uri.EscapeDataString(d.Calendar)}&date={d.Date}" }.Uri : address;
}
