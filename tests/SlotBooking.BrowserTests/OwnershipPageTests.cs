using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SlotBooking.BrowserTests.Infrastructure;
using SlotBooking.Host.Accounts;
using SlotBooking.TestSupport;
using Xunit.Abstractions;

namespace SlotBooking.BrowserTests;

/// <summary>
/// Accounts on the page: two users register and an admin (made by the operator's command) signs in, each in a browser
/// of their own, with the page's forms; a booking shows as its owner's, others are not offered to cancel it, the admin sees its owner and cancels it.
/// </summary>
public sealed class OwnershipPageTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser)
{
    private const string Alice = "alice@example.org";
    private const string Bob = "bob@example.org";
    private const string Admin = "admin@example.org";
    private const string Password = "correct-horse-battery";

    protected override string[] HostArgs => [$"--SlotBooking:Admins:0={Admin}", .. TestTokens.Args()];

    [ChromiumFact]
    public async Task A_booking_is_its_owners_others_cannot_cancel_it_and_an_admin_sees_the_owner_and_cancels_it()
    {
        var alice = await OpenPageAsync();
        var socket = await alice.Page.RunAndWaitForWebSocketAsync(() => alice.RegisterAsync(Alice, Password));

        // Signed in: the token went to the socket's address only; the page's own address carries nothing.
        var token = await alice.SessionTokenAsync();
        Assert.False(string.IsNullOrEmpty(token), "the page keeps its token in sessionStorage");
        Assert.Contains($"access_token={Uri.EscapeDataString(token!)}", socket.Url);
        Assert.Equal(new Uri(Host.HttpAddress, "/ui").ToString(), alice.Page.Url);
        await Expect(alice.MyBookingsNote).ToHaveTextAsync("You have no bookings.");
        await Expect(alice.AdminView).ToBeHiddenAsync();

        // A taken email is refused, and the page shows the server's reason.
        var bob = await OpenPageAsync();
        await bob.SubmitAsync(bob.RegisterForm, "Create account", Alice, Password);
        await Expect(bob.RegisterForm.Locator(".form-error")).ToHaveTextAsync(await RegisterRefusalAsync(Alice));
        await Expect(bob.SignInForm).ToBeVisibleAsync();
        await bob.RegisterAsync(Bob, Password);

        await alice.BookButton(9).ClickAsync();
        await Expect(alice.Answer).ToHaveTextAsync("Slot 9 booked successfully");
        await Expect(alice.Slot(9)).ToHaveAttributeAsync("data-mine", "true");
        await Expect(alice.StateOf(9)).ToContainTextAsync("Yours");
        await Expect(alice.CancelButton(9)).ToBeVisibleAsync();
        await Expect(alice.MyBookings).ToHaveTextAsync(["Default: 09:00\u201310:00"]);

        // Bob sees it booked, not his, and is not offered to cancel it; his list stays empty.
        await Expect(bob.BookedButton(9)).ToBeVisibleAsync();
        await Expect(bob.Slot(9)).ToHaveAttributeAsync("data-mine", "false");
        await Expect(bob.CancelButton(9)).ToHaveCountAsync(0);
        await Expect(bob.MyBookingsNote).ToHaveTextAsync("You have no bookings.");
        // A cancellation forced with his token past the page is refused, and the slot stays booked.
        var forced = await CancelOverHttpAsync(9, (await bob.SessionTokenAsync())!);
        Assert.Equal(HttpStatusCode.BadRequest, forced.Status);
        Assert.Equal("Slot 9 was not booked by you", forced.Detail);
        await Expect(alice.Slot(9)).ToHaveAttributeAsync("data-state", "booked");
        await Expect(bob.Slot(9)).ToHaveAttributeAsync("data-state", "booked");

        // The admin sees Alice as the owner, is offered to cancel in the grid too, and cancels from the admin view.
        // An admin's account is the operator's (the public route refuses a listed email): made with the host's command.
        var refusal = new StringWriter();
        var made = await AccountsCommand.RunAsync(
            ["accounts", "add", "--email", Admin, "--admin", $"--SlotBooking:DatabasePath={Host.DatabasePath}", $"--SlotBooking:Admins:0={Admin}"],
            TextReader.Null, TextWriter.Null, refusal, Password);
        Assert.True(made == AccountsCommand.Succeeded, refusal.ToString());
        var admin = await OpenPageAsync();
        await admin.SignInAsync(Admin, Password);
        await Expect(admin.AdminBadge).ToBeVisibleAsync();
        await Expect(admin.OwnerOf(9)).ToHaveTextAsync(Alice);
        await Expect(admin.CancelButton(9)).ToBeVisibleAsync();
        await admin.AdminCancelButton(9, Alice).ClickAsync();
        await Expect(admin.Answer).ToHaveTextAsync("Slot 9 booking cancelled successfully");
        await Expect(admin.OwnerRows).ToHaveCountAsync(0);

        await Expect(alice.BookButton(9)).ToBeVisibleAsync();
        await Expect(bob.BookButton(9)).ToBeVisibleAsync();
        await Expect(alice.MyBookings).ToHaveCountAsync(0);
        await Expect(alice.MyBookingsNote).ToHaveTextAsync("You have no bookings.");

        var screenshot = ArtifactPath("ui-admin.png");
        await admin.Page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot of the admin view: {screenshot}");

        // Signing out forgets the token and shows the forms again.
        await alice.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(alice.SignInForm).ToBeVisibleAsync();
        await Expect(alice.Page.Locator("#my-bookings")).ToBeHiddenAsync();
        Assert.Null(await alice.SessionTokenAsync());
    }

    [ChromiumFact]
    public async Task An_admin_creates_changes_and_retires_a_calendar_with_the_editor()
    {
        // Signed in with a token of role admin (signing in itself is the test above).
        var admin = await NewPageAsync();
        await admin.RestoreSessionAsync(TestTokens.For("root@example.org", admin: true), "root@example.org");
        await admin.OpenAsync();
        await Expect(admin.AdminView).ToBeVisibleAsync();
        var form = admin.CalendarForm;

        // A refusal shows the server's reason.
        await form.GetByLabel("Id").FillAsync("gym");
        await form.GetByLabel("Name").FillAsync("Gym");
        await form.GetByLabel("Time zone").FillAsync("Europe/Paris");
        await form.GetByLabel("First hour").FillAsync("8");
        await form.GetByLabel("Last hour").FillAsync("5");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create calendar" }).ClickAsync();
        await Expect(form.Locator(".form-error")).ToHaveTextAsync("Field 'first_hour': first hour 8 is after last hour 5");

        await form.GetByLabel("Last hour").FillAsync("18");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create calendar" }).ClickAsync();
        await Expect(admin.CalendarItem("gym")).ToContainTextAsync("Gym (gym): Europe/Paris, 08:00\u201319:00, signed-in users");
        await Expect(admin.PickerOptions).ToHaveTextAsync(["Default", "Gym"]);

        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Edit Gym", Exact = true }).ClickAsync();
        await Expect(form.GetByLabel("Time zone")).Not.ToBeEditableAsync();
        await form.GetByLabel("Name").FillAsync("Gym hall");
        await form.GetByLabel("Last hour").FillAsync("20");
        await form.GetByLabel("Who may book").SelectOptionAsync("open");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(admin.CalendarItem("gym")).ToContainTextAsync("Gym hall (gym): Europe/Paris, 08:00\u201321:00, open to anyone");
        await Expect(admin.PickerOptions).ToHaveTextAsync(["Default", "Gym hall"]);

        // Retiring takes a second click; a retired calendar is no longer offered for booking.
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Retire Gym hall", Exact = true }).ClickAsync();
        await Expect(admin.CalendarItem("gym")).Not.ToContainTextAsync("retired");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Click again to retire Gym hall", Exact = true }).ClickAsync();
        await Expect(admin.CalendarItem("gym")).ToContainTextAsync("Gym hall (gym): Europe/Paris, 08:00\u201321:00, open to anyone, retired");
        await Expect(admin.Page.Locator("#calendar-picker-label")).ToBeHiddenAsync();
        using var calendars = JsonDocument.Parse(await Host.Http.GetStringAsync("/calendars"));
        var gym = calendars.RootElement.GetProperty("calendars").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "gym");
        Assert.True(gym.GetProperty("retired").GetBoolean());
        Assert.Equal("Gym hall", gym.GetProperty("name").GetString());
    }

    /// <summary>What the server says to a second registration of <paramref name="email"/> (the problem's detail).</summary>
    private async Task<string> RegisterRefusalAsync(string email)
    {
        using var response = await Host.Http.PostAsJsonAsync("/auth/register", new { email, password = Password });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("detail").GetString()!;
    }

    private async Task<(HttpStatusCode Status, string? Detail)> CancelOverHttpAsync(int slotId, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/cancel-slot") { Content = JsonContent.Create(new { slot_id = slotId }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Host.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(body);
        return (response.StatusCode, problem.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : body);
    }
}
