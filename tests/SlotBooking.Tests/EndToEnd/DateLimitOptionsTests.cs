using Microsoft.Extensions.Options;
using SlotBooking.Host;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.EndToEnd;

/// <summary>The options that bound reads by date and live days are checked on start.</summary>
public sealed class DateLimitOptionsTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Theory]
    [InlineData("ReadLookBackDays", "-1")]
    [InlineData("ReadLookBackDays", "3661")]
    [InlineData("MaxLiveDays", "0")]
    public async Task An_out_of_range_value_stops_the_start_naming_the_option(string option, string value)
    {
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--SlotBooking:DatabasePath={_database.Path}",
            "--Logging:LogLevel:Default=None",
            $"--SlotBooking:{option}={value}",
        ];
        // Refused while the host is built or started, whichever reads the options first.
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = SlotBookingApp.Create(args);
            await app.StartAsync();
        });
        Assert.Contains(option, failure.Message);
    }

    [Fact]
    public async Task The_bounds_themselves_start()
    {
        await using var host = await RunningHost.StartAsync(_database.Path, "--SlotBooking:ReadLookBackDays=0", "--SlotBooking:MaxLiveDays=1");
        await using var other = await RunningHost.StartAsync(_database.Path + "-2", "--SlotBooking:ReadLookBackDays=3660");
    }
}
