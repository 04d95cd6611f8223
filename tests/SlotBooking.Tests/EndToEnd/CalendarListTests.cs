using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SlotBooking.Tests.EndToEnd;

/// <summary><c>GET /calendars</c> on the seed's configuration: the default calendar alone.</summary>
public sealed class DefaultCalendarListTests : HostTest
{
    [Fact]
    public async Task Lists_the_default_calendar_alone()
    {
        var response = await Host.Http.GetAsync("/calendars");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var calendar = Assert.Single(body.GetProperty("calendars").EnumerateArray());
        Assert.Equal("default", calendar.GetProperty("id").GetString());
        Assert.Equal("UTC", calendar.GetProperty("time_zone").GetString());
        Assert.Equal(3, calendar.GetProperty("first_hour").GetInt32());
        Assert.Equal(14, calendar.GetProperty("last_hour").GetInt32());
        Assert.False(calendar.GetProperty("dated").GetBoolean());
        Assert.Equal("open", calendar.GetProperty("access").GetString());
        Assert.False(calendar.GetProperty("retired").GetBoolean());
    }
}

/// <summary><c>GET /calendars</c> with a configured calendar: the default first, then it, with exactly its fields.</summary>
public sealed class ConfiguredCalendarListTests : HostTest
{
    protected override string[] HostArgs =>
    [
        "--SlotBooking:FirstSlot=5",
        "--SlotBooking:LastSlot=9",
        "--SlotBooking:Calendars:0:Id=lab",
        "--SlotBooking:Calendars:0:Name=Robotics lab",
        "--SlotBooking:Calendars:0:TimeZone=Europe/Berlin",
        "--SlotBooking:Calendars:0:FirstHour=8",
        "--SlotBooking:Calendars:0:LastHour=19",
        "--SlotBooking:Calendars:0:HorizonDays=21",
        "--SlotBooking:Calendars:0:MinNoticeMinutes=30",
        "--SlotBooking:Calendars:0:Access=Open",
        "--SlotBooking:DefaultCalendarAccess=SignedIn",
    ];

    [Fact]
    public async Task Lists_the_default_then_the_configured_calendar()
    {
        var body = await Host.Http.GetFromJsonAsync<JsonElement>("/calendars");
        var calendars = body.GetProperty("calendars").EnumerateArray().ToArray();

        Assert.Equal(["default", "lab"], calendars.Select(c => c.GetProperty("id").GetString()));
        var seed = calendars[0];
        Assert.Equal(5, seed.GetProperty("first_hour").GetInt32());
        Assert.Equal(9, seed.GetProperty("last_hour").GetInt32());
        Assert.Equal("signed_in", seed.GetProperty("access").GetString());

        var lab = calendars[1];
        Assert.Equal(
            ["id", "name", "time_zone", "first_hour", "last_hour", "dated", "horizon_days", "min_notice_minutes", "access", "retired"],
            lab.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Robotics lab", lab.GetProperty("name").GetString());
        Assert.Equal("Europe/Berlin", lab.GetProperty("time_zone").GetString());
        Assert.Equal(8, lab.GetProperty("first_hour").GetInt32());
        Assert.Equal(19, lab.GetProperty("last_hour").GetInt32());
        Assert.True(lab.GetProperty("dated").GetBoolean());
        Assert.Equal(21, lab.GetProperty("horizon_days").GetInt32());
        Assert.Equal(30, lab.GetProperty("min_notice_minutes").GetInt32());
        Assert.Equal("open", lab.GetProperty("access").GetString());
        Assert.False(lab.GetProperty("retired").GetBoolean());
    }

    [Fact]
    public async Task Leaves_the_seed_routes_as_they_were()
    {
        var slots = await Host.Http.GetFromJsonAsync<JsonElement>("/slots");
        Assert.Equal(5, slots.GetProperty("slots").GetArrayLength());
    }
}
