using SlotBooking.TestSupport;

namespace SlotBooking.BrowserTests.Infrastructure;

/// <summary>
/// A browser test against the real host on a temporary SQLite file of its own. Every page runs in a context of
/// its own (separate storage, like another person's browser) with a fixed time zone and locale, so "local time"
/// is known to the test. Uncaught script errors and Content-Security-Policy violations on any page fail the test.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture browser) : IAsyncLifetime
{
    /// <summary>UTC+05:30 all year: a half-hour offset with no daylight saving shows any time-zone slip.</summary>
    public const string TimeZone = "Asia/Kolkata";
    public static readonly TimeSpan TimeZoneOffset = new(5, 30, 0);

    private readonly TempDatabase _database = new();
    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<SocketClient> _sockets = [];
    private readonly List<string> _pageErrors = [];

    protected RunningHost Host { get; set; } = null!;

    /// <summary>More command-line configuration for the host, e.g. calendars.</summary>
    protected virtual string[] HostArgs => [];

    public async Task InitializeAsync() => Host = await RunningHost.StartAsync(_database.Path, HostArgs);

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
        foreach (var socket in _sockets) await socket.DisposeAsync();
        await Host.DisposeAsync();
        _database.Dispose();
        Assert.True(_pageErrors.Count == 0, "Script errors on the page:\n" + string.Join("\n", _pageErrors));
    }

    /// <summary>A new page in a browser context of its own, not yet navigated; <paramref name="viewport"/> defaults to a desktop window.</summary>
    protected async Task<BookingPage> NewPageAsync(ViewportSize? viewport = null, bool isMobile = false)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.HttpAddress.ToString(),
            TimezoneId = TimeZone,
            Locale = "en-GB",
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
            IsMobile = isMobile,
            HasTouch = isMobile,
        });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => { lock (_pageErrors) _pageErrors.Add(error); };
        // Anything the page's Content-Security-Policy refused (a script, a style, a connection) fails the test too.
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                lock (_pageErrors) _pageErrors.Add(message.Text);
        };
        return new BookingPage(page);
    }

    /// <summary>Opens the page and waits until it shows the connected day.</summary>
    protected async Task<BookingPage> OpenPageAsync()
    {
        var page = await NewPageAsync();
        await page.OpenAsync();
        return page;
    }

    /// <summary>Another client on a raw WebSocket (the seed's protocol, no page), its first slots_update read; signed in with a bearer token if given.</summary>
    protected async Task<SocketClient> ConnectSocketAsync(string? bearerToken = null)
    {
        var (client, _) = await SocketClient.ConnectAndReadInitialAsync(Host.WebSocketAddress, bearerToken);
        _sockets.Add(client);
        return client;
    }

    /// <summary>Books a slot over a raw WebSocket and checks the server said yes.</summary>
    protected async Task BookOverSocketAsync(int slotId)
    {
        var client = await ConnectSocketAsync();
        await client.BookAsync(slotId);
        var answer = await client.ReceiveOfTypeAsync("booking_response");
        Assert.True(answer.GetProperty("success").GetBoolean(), answer.ToString());
    }

    /// <summary>
    /// When the server stored a slot's booking, as the page should show it: hours and minutes in the page's time zone.
    /// Call it after the booking's answer arrived: the board has the change before any answer goes out.
    /// </summary>
    protected async Task<string> BookedAtLocalAsync(int slotId)
    {
        using var slots = System.Text.Json.JsonDocument.Parse(await Host.Http.GetStringAsync("/slots"));
        var slot = slots.RootElement.GetProperty("slots").EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == slotId);
        var text = slot.GetProperty("booked_at").GetString()
                   ?? throw new InvalidOperationException($"Slot {slotId} is not booked according to GET /slots, although its booking was answered");
        var bookedAt = DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        return bookedAt.ToOffset(TimeZoneOffset).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }

    protected static string ArtifactPath(string fileName)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileName);
    }
}
