using NodaTime;
using NodaTime.Text;
using SlotBooking.BrowserTests.Infrastructure;
using Xunit.Abstractions;

using SlotBooking.TestSupport;

namespace SlotBooking.BrowserTests;

/// <summary>
/// The week view of a dated calendar: seven days in the calendar's zone, live through watch, past slots shown as past,
/// the user's own bookings marked as theirs. The lab is for signed-in users here (a configured calendar's default), so
/// the page and the other client are signed in with tokens from <see cref="TestTokens"/>.
/// </summary>
public sealed class WeekViewTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser)
{
    private const string User = "wendy@example.org";

    protected override string[] HostArgs => [.. LabCalendar.Args(0, 23, access: "SignedIn"), .. TestTokens.Args()];

    private static LocalDate TodayInBerlin() =>
        SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Berlin"]).Date;

    private static ILocator Cell(BookingPage page, LocalDate date, int hour) =>
        page.Page.Locator($"#week-grid button[data-date='{LocalDatePattern.Iso.Format(date)}'][data-slot-id='{hour}']");

    [ChromiumFact]
    public async Task The_week_of_a_dated_calendar_shows_seven_days_live_with_past_slots_as_past()
    {
        var today = TodayInBerlin();
        var tomorrow = today.PlusDays(1);
        var page = await NewPageAsync();
        await page.RestoreSessionAsync(TestTokens.For(User), User);
        await page.OpenAsync();
        await Expect(page.AccountEmail).ToHaveTextAsync(User);

        await page.Page.SelectOptionAsync("#calendar-picker", "lab");
        await Expect(page.Page.Locator("#week")).ToBeVisibleAsync();
        await Expect(page.Page.Locator("#board")).ToBeHiddenAsync();
        await Expect(page.Page.Locator("#week-zone")).ToHaveTextAsync("Europe/Berlin");
        await Expect(page.Page.Locator("#week-grid thead th[data-date]")).ToHaveCountAsync(7);
        // Slot 0 of today started at midnight in Berlin: it is past, whatever the time now.
        await Expect(Cell(page, today, 0)).ToHaveAttributeAsync("data-state", "past");
        await Expect(Cell(page, tomorrow, 10)).ToHaveAttributeAsync("data-state", "free");

        // Another client books tomorrow 10:00: the week shows it without a reload.
        var other = await ConnectSocketAsync(TestTokens.For("otto@example.org"));
        await other.SendTextAsync($$"""{"type":"book_slot","calendar":"lab","date":"{{LocalDatePattern.Iso.Format(tomorrow)}}","slot_id":10}""");
        Assert.True((await other.ReceiveOfTypeAsync("booking_response")).GetProperty("success").GetBoolean());
        await Expect(Cell(page, tomorrow, 10)).ToHaveAttributeAsync("data-state", "booked");
        // Someone else's: not the user's, and not offered to cancel (the user is not an admin).
        await Expect(Cell(page, tomorrow, 10)).ToHaveTextAsync("Booked");
        await Expect(Cell(page, tomorrow, 10)).ToBeDisabledAsync();

        // The user books tomorrow 11:00 from the week.
        await Cell(page, tomorrow, 11).ClickAsync();
        await Expect(page.Answer).ToContainTextAsync("Slot 11 booked successfully");
        await Expect(Cell(page, tomorrow, 11)).ToHaveAttributeAsync("data-state", "booked");
        // The user's own (from my_bookings): marked as theirs, and cancellable.
        await Expect(Cell(page, tomorrow, 11)).ToHaveAttributeAsync("data-mine", "true");
        await Expect(Cell(page, tomorrow, 11)).ToHaveTextAsync("Yours");
        await Expect(Cell(page, tomorrow, 11)).ToBeEnabledAsync();
        await Expect(page.MyBookings).ToHaveTextAsync([$"Robotics lab: {tomorrow.ToString("ddd d MMM", System.Globalization.CultureInfo.InvariantCulture)}, 11:00\u201312:00"]);

        var screenshot = ArtifactPath("ui-week.png");
        await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot of the week: {screenshot}");
    }
}
