namespace SlotBooking.BrowserTests.Infrastructure;

/// <summary>
/// A test that drives Debian's Chromium; reported as skipped, with how to install it, where that browser is missing.
/// Playwright's own browser download is not used: it cannot be fetched here, and the system package is enough.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!IsInstalled)
            Skip = $"Chromium is not installed at {ExecutablePath}: install it with `apt-get install -y chromium` to run the browser tests.";
    }

    public static bool IsInstalled => File.Exists(ExecutablePath);
}
