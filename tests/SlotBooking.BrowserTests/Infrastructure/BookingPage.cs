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

    /// <summary>A booked slot that this user is not offered to cancel (someone else's).</summary>
    public ILocator BookedButton(int slotId) =>
        page.GetByRole(AriaRole.Button, new() { Name = $"{RangeOf(slotId)}, booked", Exact = true });

    // The account, my bookings and the admin view.
    public ILocator SignInForm => page.Locator("#sign-in-form");
    public ILocator RegisterForm => page.Locator("#register-form");
    public ILocator AccountEmail => page.Locator("#account-email");
    public ILocator AdminBadge => page.Locator("#admin-badge");
    public ILocator MyBookings => page.Locator("#my-bookings-list li");
    public ILocator MyBookingsNote => page.Locator("#my-bookings-note");
    public ILocator AdminView => page.Locator("#admin");
    public ILocator OwnerRows => page.Locator("#admin-bookings tr");
    public ILocator OwnerOf(int slotId) => page.Locator($"#admin-bookings tr[data-slot-id='{slotId}'] td.owner");

    public ILocator CalendarForm => page.Locator("#calendar-form");
    public ILocator CalendarItem(string id) => page.Locator($"#calendar-admin-list li[data-id='{id}']");
    public ILocator PickerOptions => page.Locator("#calendar-picker option");

    public ILocator AdminCancelButton(int slotId, string owner) =>
        page.GetByRole(AriaRole.Button, new() { Name = $"Cancel booking {RangeOf(slotId)} by {owner}", Exact = true });

    /// <summary>Creates an account with the page's form (which then signs in) and waits until the page shows it signed in and connected.</summary>
    public async Task RegisterAsync(string email, string password)
    {
        await SubmitAsync(RegisterForm, "Create account", email, password);
        await Expect(AccountEmail).ToHaveTextAsync(email);
        await Expect(Connection).ToHaveTextAsync("Connected");
    }

    /// <summary>Signs in with the page's form and waits until the page shows it signed in and connected.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await SubmitAsync(SignInForm, "Sign in", email, password);
        await Expect(AccountEmail).ToHaveTextAsync(email);
        await Expect(Connection).ToHaveTextAsync("Connected");
    }

    /// <summary>Fills and sends an account form without waiting for the outcome (for refusals: see the form's <c>.form-error</c>).</summary>
    public async Task SubmitAsync(ILocator form, string button, string email, string password)
    {
        await form.GetByLabel("Email").FillAsync(email);
        await form.GetByLabel("Password").FillAsync(password);
        await form.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
    }

    /// <summary>The token this tab keeps (sessionStorage), or null when signed out.</summary>
    public Task<string?> SessionTokenAsync() =>
        page.EvaluateAsync<string?>("() => JSON.parse(sessionStorage.getItem('slotbooking.session') ?? 'null')?.token ?? null");

    /// <summary>
    /// Makes the page open signed in, as a tab that signed in before a reload does (its token in sessionStorage);
    /// call before <see cref="OpenAsync"/>. For tests about something else than signing in, with a token from TestTokens.
    /// </summary>
    public Task RestoreSessionAsync(string token, string email) =>
        page.Context.AddInitScriptAsync(
            $"sessionStorage.setItem('slotbooking.session', JSON.stringify({System.Text.Json.JsonSerializer.Serialize(new { token, email })}));");

    /// <summary>Opens /ui and waits until it is connected and shows the day's twelve slots.</summary>
    public async Task OpenAsync()
    {
        await page.GotoAsync("/ui");
        await Expect(Connection).ToHaveTextAsync("Connected");
        await Expect(SlotButtons).ToHaveCountAsync(12);
    }
}
