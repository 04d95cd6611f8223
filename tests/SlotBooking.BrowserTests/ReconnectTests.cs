using SlotBooking.BrowserTests.Infrastructure;

namespace SlotBooking.BrowserTests;

/// <summary>The page outlives a server restart: it says it is reconnecting, comes back by itself and shows what was stored.</summary>
public sealed class ReconnectTests(BrowserFixture browser) : BrowserTest(browser)
{
    // Restarting recovers every slot from SQLite, and the page waits out its backoff (at most 5 s) before retrying.
    private static readonly LocatorAssertionsToHaveTextOptions ReconnectWait = new() { Timeout = 30_000 };

    [ChromiumFact]
    public async Task After_the_server_restarts_the_page_reconnects_and_shows_the_stored_state()
    {
        var page = await OpenPageAsync();
        await page.BookButton(4).ClickAsync();
        await Expect(page.Answer).ToHaveTextAsync("Slot 4 booked successfully");
        await Expect(page.CancelButton(4)).ToBeVisibleAsync();
        var bookedAt = await BookedAtLocalAsync(4);
        var updateBeforeRestart = await page.LastUpdate.GetAttributeAsync("datetime");

        await Host.StopAsync();
        await Expect(page.Connection).ToHaveTextAsync("Reconnecting\u2026");
        await Expect(page.Slot(7)).ToHaveAttributeAsync("aria-disabled", "true");

        Host = await Host.RestartAsync(onSamePort: true);

        await Expect(page.Connection).ToHaveTextAsync("Connected", ReconnectWait);
        // The state came from the restarted server (a new slots_update), and it is the stored one.
        await Expect(page.LastUpdate).Not.ToHaveAttributeAsync("datetime", updateBeforeRestart!);
        await Expect(page.StateOf(4)).ToHaveTextAsync($"Booked at {bookedAt}");
        await Expect(page.Summary).ToHaveTextAsync("11 free \u00b7 1 booked");

        await page.CancelButton(4).ClickAsync();
        await Expect(page.Answer).ToHaveTextAsync("Slot 4 booking cancelled successfully");
    }
}
