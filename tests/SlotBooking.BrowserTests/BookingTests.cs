using SlotBooking.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace SlotBooking.BrowserTests;

/// <summary>Booking and cancelling from the page, and what every other open page sees of it.</summary>
public sealed class BookingTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser)
{
    [ChromiumFact]
    public async Task A_click_books_the_slot_and_another_page_shows_it_booked_without_reloading()
    {
        var alice = await OpenPageAsync();
        var bob = await OpenPageAsync();
        await bob.Page.EvaluateAsync("() => { window.sameDocument = true; }");

        await alice.BookButton(9).ClickAsync();

        await Expect(alice.Answer).ToHaveTextAsync("Slot 9 booked successfully");
        await Expect(alice.CancelButton(9)).ToBeVisibleAsync();
        await Expect(bob.CancelButton(9)).ToBeVisibleAsync();
        await Expect(bob.StateOf(9)).ToHaveTextAsync($"Booked at {await BookedAtLocalAsync(9)}");
        await Expect(bob.Summary).ToHaveTextAsync("11 free \u00b7 1 booked");
        await Expect(bob.Answer).ToBeEmptyAsync();
        Assert.True(await bob.Page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the other page was updated in place, not reloaded");
    }

    [ChromiumFact]
    public async Task A_click_on_a_booked_slot_cancels_it()
    {
        await BookOverSocketAsync(11);
        var page = await OpenPageAsync();
        var other = await OpenPageAsync();

        await page.CancelButton(11).ClickAsync();

        await Expect(page.Answer).ToHaveTextAsync("Slot 11 booking cancelled successfully");
        await Expect(page.BookButton(11)).ToBeVisibleAsync();
        await Expect(page.StateOf(11)).ToHaveTextAsync("Free");
        await Expect(other.BookButton(11)).ToBeVisibleAsync();
    }

    [ChromiumFact]
    public async Task The_keyboard_alone_books_and_cancels_and_focus_stays_visible_on_the_slot()
    {
        var page = await OpenPageAsync();

        // The slot buttons are the only things to tab to: the first Tab lands on the first slot.
        await page.Page.Keyboard.PressAsync("Tab");
        await Expect(page.BookButton(3)).ToBeFocusedAsync();
        Assert.Equal("solid", await page.Slot(3).EvaluateAsync<string>("b => getComputedStyle(b).outlineStyle"));

        await page.Page.Keyboard.PressAsync("Enter");
        await Expect(page.Answer).ToHaveTextAsync("Slot 3 booked successfully");
        // Live updates change the button in place, so the keyboard user stays where they were.
        await Expect(page.CancelButton(3)).ToBeFocusedAsync();

        await page.Page.Keyboard.PressAsync("Space");
        await Expect(page.Answer).ToHaveTextAsync("Slot 3 booking cancelled successfully");
        await Expect(page.BookButton(3)).ToBeFocusedAsync();
    }

    [ChromiumFact]
    public async Task Booking_a_slot_another_client_just_took_shows_the_refusal()
    {
        var page = await NewPageAsync();
        var gate = await UpdateGate.InstallAsync(page.Page);
        await page.OpenAsync();

        // Another client takes slot 9, and the news of it is held back: this page still offers 9 as free.
        var newsHeldBack = gate.SwallowNextUpdate();
        await BookOverSocketAsync(9);
        await newsHeldBack.WaitAsync(TimeSpan.FromSeconds(10));
        await Expect(page.BookButton(9)).ToBeVisibleAsync();

        await page.BookButton(9).ClickAsync();

        await Expect(page.Answer).ToHaveTextAsync("Slot 9 is already booked");
        await Expect(page.Answer).ToHaveAttributeAsync("data-kind", "error");
        // After a refusal the page asks for the current state instead of staying stale.
        await Expect(page.CancelButton(9)).ToBeVisibleAsync();

        var screenshot = ArtifactPath("ui-refusal.png");
        await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        output.WriteLine($"Screenshot of the refusal: {screenshot}");
    }
}
