using Microsoft.Extensions.Options;
using SlotBooking.Host;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.EndToEnd;

/// <summary>An invalid calendar configuration stops the start, naming the key to fix.</summary>
public sealed class CalendarConfigurationTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Theory]
    [InlineData("SlotBooking:Calendars:0:TimeZone", "Mars/Base", "--SlotBooking:Calendars:0:Id=lab", "--SlotBooking:Calendars:0:TimeZone=Mars/Base", "--SlotBooking:Calendars:0:FirstHour=8", "--SlotBooking:Calendars:0:LastHour=19")]
    [InlineData("SlotBooking:Calendars:0:Id", "Lab!", "--SlotBooking:Calendars:0:Id=Lab!", "--SlotBooking:Calendars:0:TimeZone=Europe/Berlin", "--SlotBooking:Calendars:0:FirstHour=8", "--SlotBooking:Calendars:0:LastHour=19")]
    [InlineData("SlotBooking:Calendars:0:FirstHour", "after last hour", "--SlotBooking:Calendars:0:Id=lab", "--SlotBooking:Calendars:0:TimeZone=Europe/Berlin", "--SlotBooking:Calendars:0:FirstHour=19", "--SlotBooking:Calendars:0:LastHour=8")]
    [InlineData("SlotBooking:Calendars:0:Access", "'Public' is not a calendar access", "--SlotBooking:Calendars:0:Id=lab", "--SlotBooking:Calendars:0:TimeZone=Europe/Berlin", "--SlotBooking:Calendars:0:FirstHour=8", "--SlotBooking:Calendars:0:LastHour=19", "--SlotBooking:Calendars:0:Access=Public")]
    [InlineData("SlotBooking:DefaultCalendarAccess", "'Closed' is not a calendar access", "--SlotBooking:DefaultCalendarAccess=Closed")]
    [InlineData("SlotBooking:Calendars:0:Id", "'default'", "--SlotBooking:Calendars:0:Id=default", "--SlotBooking:Calendars:0:TimeZone=Europe/Berlin", "--SlotBooking:Calendars:0:FirstHour=8", "--SlotBooking:Calendars:0:LastHour=19")]
    public async Task An_invalid_calendar_stops_the_start_naming_its_key(string key, string detail, params string[] args)
    {
        var message = await StartFailureAsync(args);

        Assert.Contains(key, message);
        Assert.Contains(detail, message);
    }

    [Fact]
    public async Task A_duplicate_id_names_the_second_calendar()
    {
        var message = await StartFailureAsync([.. Lab(0), .. Lab(1)]);

        Assert.Contains("SlotBooking:Calendars:1:Id", message);
        Assert.Contains("duplicate", message);
    }

    [Fact]
    public async Task Every_error_is_listed_at_once()
    {
        var message = await StartFailureAsync(
        [
            "--SlotBooking:Calendars:0:Id=Lab!", "--SlotBooking:Calendars:0:TimeZone=Mars/Base",
            "--SlotBooking:Calendars:0:FirstHour=8", "--SlotBooking:Calendars:0:LastHour=19",
            .. Lab(1), "--SlotBooking:Calendars:1:HorizonDays=-1",
        ]);

        Assert.Contains("SlotBooking:Calendars:0:Id", message);
        Assert.Contains("SlotBooking:Calendars:0:TimeZone", message);
        Assert.Contains("SlotBooking:Calendars:1:HorizonDays", message);
    }

    [Fact]
    public async Task Items_numbered_with_a_gap_are_refused_rather_than_reported_under_shifted_keys()
    {
        var message = await StartFailureAsync([.. Lab(0), .. Lab(2)]);

        Assert.Contains("SlotBooking:Calendars: number the calendars 0, 1, 2... without gaps (found 0, 2)", message);
    }

    [Fact]
    public async Task A_value_that_is_not_a_number_names_its_key()
    {
        string[] args = [.. Lab(0)];
        args[2] = "--SlotBooking:Calendars:0:FirstHour=eight";

        var message = await StartFailureAsync(args);

        Assert.Contains("SlotBooking:Calendars:0:FirstHour", message);
        Assert.Contains("'eight'", message);
    }

    [Fact]
    public async Task A_misspelt_field_is_refused_rather_than_ignored()
    {
        var message = await StartFailureAsync([.. Lab(0), "--SlotBooking:Calendars:0:HorizonDay=7", "--SlotBooking:Calendars:0:timezone=UTC"]);

        Assert.Contains("SlotBooking:Calendars:0:HorizonDay: not a calendar field", message);
        Assert.DoesNotContain("timezone", message);
    }

    private static string[] Lab(int index) =>
    [
        $"--SlotBooking:Calendars:{index}:Id=lab",
        $"--SlotBooking:Calendars:{index}:TimeZone=Europe/Berlin",
        $"--SlotBooking:Calendars:{index}:FirstHour=8",
        $"--SlotBooking:Calendars:{index}:LastHour=19",
    ];

    private async Task<string> StartFailureAsync(string[] calendarArgs)
    {
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--SlotBooking:DatabasePath={_database.Path}",
            "--Logging:LogLevel:Default=None",
            .. calendarArgs,
        ];
        await using var app = SlotBookingApp.Create(args);
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        return failure.Message;
    }
}
