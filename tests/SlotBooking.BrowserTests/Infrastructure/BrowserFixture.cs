namespace SlotBooking.BrowserTests.Infrastructure;

/// <summary>One Playwright driver and one headless Chromium for the whole browser collection; each test gets fresh contexts.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException(
        $"No browser was started: {ChromiumFactAttribute.ExecutablePath} is missing (tests needing it are skipped).");

    public async Task InitializeAsync()
    {
        // xunit creates collection fixtures even when every test in them is skipped.
        if (!ChromiumFactAttribute.IsInstalled) return;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Headless = true,
            // --no-sandbox: CI runs as root in a container, where Chromium's sandbox cannot start.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
