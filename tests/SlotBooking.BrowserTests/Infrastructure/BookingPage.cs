namespace SlotBooking.BrowserTests.Infrastructure;

/// <summary>The booking page as a user finds it: slot buttons by their accessible names, the connection badge, the answer area.</summary>
public sealed class BookingPage(IPage page)
{
    public IPage Page => page;
    public ILocator SlotButtons => page.Locator("#slots button.slot");
    public ILocator SlotTimes => page.Locator("#slots .slot-time");
    public ILocator Connection => page.Locator("#connection");
    public ILocator Answer => page.Locator("#status");
    public ILocator Summary => page.Locator("#summary");
    public ILocator LastUpdate => page.Locator("#updated");

    /// <summary>"09:00–10:00" for slot 9, as the page writes it (an en dash).</summary>
    public static string RangeOf(int slotId) => $"{slotId:00}:00\u2013{slotId + 1:00}:00";

    public ILocator BookButton(int slotId) =>
        page.GetByRole(AriaRole.Button, new() { Name = $"Book {RangeOf(slotId)}", Exact = true });

    public ILocator CancelButton(int slotId) =>
        page.GetByRole(AriaRole.Button, new() { Name = $"Cancel booking {RangeOf(slotId)}", Exact = true });

    public ILocator Slot(int slotId) => page.Locator($"#slots button[data-slot-id='{slotId}']");

    public ILocator StateOf(int slotId) => Slot(slotId).Locator(".slot-state");

    /// <summary>Opens /ui and waits until it is connected and shows the day's twelve slots.</summary>
    public async Task OpenAsync()
    {
        await page.GotoAsync("/ui");
        await Expect(Connection).ToHaveTextAsync("Connected");
        await Expect(SlotButtons).ToHaveCountAsync(12);
    }
}
