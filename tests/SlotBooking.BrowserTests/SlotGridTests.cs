using SlotBooking.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace SlotBooking.BrowserTests;

/// <summary>What the page shows of the day: twelve slots with their times and states, on a desktop and on a phone.</summary>
public sealed class SlotGridTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser)
{
    private static readonly string[] DayRanges = Enumerable.Range(3, 12).Select(BookingPage.RangeOf).ToArray();

    [ChromiumFact]
    public async Task The_grid_shows_the_twelve_slots_of_the_day_with_their_times_and_states()
    {
        await BookOverSocketAsync(6);
        await BookOverSocketAsync(10);
        var bookedAt6 = await BookedAtLocalAsync(6);

        var page = await OpenPageAsync();

        await Expect(page.SlotTimes).ToHaveTextAsync(DayRanges);
        await Expect(page.Summary).ToHaveTextAsync("10 free \u00b7 2 booked");
        await Expect(page.BookButton(3)).ToBeVisibleAsync();
        await Expect(page.BookButton(14)).ToBeVisibleAsync();
        await Expect(page.StateOf(9)).ToHaveTextAsync("Free");
        await Expect(page.CancelButton(6)).ToBeVisibleAsync();
        await Expect(page.CancelButton(10)).ToBeVisibleAsync();
        // booked_at is UTC on the wire; the page shows it in the browser's zone (UTC+05:30 here).
        await Expect(page.StateOf(6)).ToHaveTextAsync($"Booked at {bookedAt6}");

        var screenshot = ArtifactPath("ui-grid.png");
        await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot of the grid: {screenshot}");
    }

    [ChromiumFact]
    public async Task On_a_phone_the_grid_fits_the_screen_in_two_columns()
    {
        await BookOverSocketAsync(9);
        var page = await NewPageAsync(new ViewportSize { Width = 390, Height = 844 }, isMobile: true);
        await page.OpenAsync();
        await Expect(page.CancelButton(9)).ToBeVisibleAsync();

        var first = await page.Slot(3).BoundingBoxAsync();
        var second = await page.Slot(4).BoundingBoxAsync();
        var third = await page.Slot(5).BoundingBoxAsync();
        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.NotNull(third);
        Assert.Equal(first.Y, second.Y);
        Assert.True(third.Y > first.Y, "the third slot starts a second row");
        Assert.True(second.X + second.Width <= 390, "the second column fits the screen");
        Assert.True(await page.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling");

        var screenshot = ArtifactPath("ui-grid-phone.png");
        await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot of the grid on a phone: {screenshot}");
    }
}
