using SlotBooking.Actors.Calendars;

namespace SlotBooking.Tests.Calendars;

public sealed class CalendarValidatorTests
{
    private static CalendarSpec Lab(string? id = "lab", string? zone = "Europe/Berlin", int? first = 8, int? last = 19) =>
        new(id, "Robotics lab", zone, first, last);

    private static IReadOnlyList<string> Errors(params CalendarSpec[] specs) =>
        CalendarValidator.Validate(specs).Errors.Select(e => e.ToString()).ToList();

    [Fact]
    public void A_valid_calendar_becomes_a_dated_definition_with_the_default_horizon_and_notice()
    {
        var result = CalendarValidator.Validate([Lab(), new CalendarSpec("robot-2", null, "America/New_York", 0, 23, 30, 15)]);

        Assert.True(result.IsValid);
        var lab = result.Calendars[0];
        Assert.Equal(("lab", "Robotics lab", "Europe/Berlin", 8, 19), (lab.Id, lab.Name, lab.TimeZoneId, lab.FirstHour, lab.LastHour));
        Assert.Equal((14, 0, true, false), (lab.HorizonDays, lab.MinNoticeMinutes, lab.Dated, lab.IsDefault));
        var robot = result.Calendars[1];
        Assert.Equal(("robot-2", 30, 15), (robot.Name, robot.HorizonDays, robot.MinNoticeMinutes));
    }

    [Fact]
    public void No_calendars_is_a_valid_configuration()
    {
        Assert.True(CalendarValidator.Validate([]).IsValid);
    }

    [Fact]
    public void The_default_calendar_is_undated()
    {
        var calendar = CalendarDefinition.Default(3, 14);

        Assert.True(calendar.IsDefault);
        Assert.False(calendar.Dated);
        Assert.Equal("default", calendar.Id);
    }

    [Fact]
    public void A_name_is_at_most_200_characters_counted_as_characters_not_utf16_units()
    {
        Assert.Empty(Errors(new CalendarSpec("lab", new string('n', 200), "UTC", 8, 9)));
        Assert.Empty(Errors(new CalendarSpec("lab", string.Concat(Enumerable.Repeat("\U0001F916", 200)), "UTC", 8, 9)));
        Assert.Equal(["SlotBooking:Calendars:0:Name: a name is at most 200 characters"],
            Errors(new CalendarSpec("lab", new string('n', 201), "UTC", 8, 9)));
        Assert.False(CalendarValidator.ValidateOne(new CalendarSpec("lab", new string('n', 76_000), "UTC", 8, 9), "", new HashSet<string>()).IsValid);
    }

    [Fact]
    public void An_unknown_zone_names_its_key()
    {
        Assert.Equal(["SlotBooking:Calendars:0:TimeZone: unknown time zone 'Mars/Base'"], Errors(Lab(zone: "Mars/Base")));
    }

    [Fact]
    public void A_missing_zone_is_refused_rather_than_taken_from_the_server()
    {
        Assert.Equal(["SlotBooking:Calendars:0:TimeZone: a time zone is required, an IANA id such as 'Europe/Berlin'"], Errors(Lab(zone: null)));
    }

    [Theory]
    [InlineData("Lab")]
    [InlineData("lab_1")]
    [InlineData("lab 1")]
    [InlineData("läb")]
    public void A_bad_id_names_its_key(string id)
    {
        Assert.Equal([$"SlotBooking:Calendars:0:Id: invalid calendar id '{id}': use 1-64 characters of a-z0-9-"], Errors(Lab(id: id)));
    }

    [Fact]
    public void An_id_is_required_and_at_most_64_characters()
    {
        Assert.Equal(["SlotBooking:Calendars:0:Id: a calendar id is required (1-64 characters of a-z0-9-)"], Errors(Lab(id: "")));
        Assert.Empty(Errors(Lab(id: new string('a', 64))));
        Assert.Single(Errors(Lab(id: new string('a', 65))), e => e.StartsWith("SlotBooking:Calendars:0:Id: invalid calendar id", StringComparison.Ordinal));
    }

    [Fact]
    public void Hours_must_be_hours_of_the_day_in_order()
    {
        Assert.Equal(["SlotBooking:Calendars:0:FirstHour: first hour 9 is after last hour 8"], Errors(Lab(first: 9, last: 8)));
        Assert.Equal(["SlotBooking:Calendars:0:LastHour: 24 is not an hour of the day (0-23)"], Errors(Lab(last: 24)));
        Assert.Equal(["SlotBooking:Calendars:0:FirstHour: -1 is not an hour of the day (0-23)"], Errors(Lab(first: -1)));
        Assert.Equal(["SlotBooking:Calendars:0:FirstHour: a first hour (0-23) is required"], Errors(Lab(first: null)));
        Assert.Empty(Errors(Lab(first: 12, last: 12)));
    }

    [Fact]
    public void A_negative_horizon_or_notice_names_its_key()
    {
        Assert.Equal(
        [
            "SlotBooking:Calendars:0:HorizonDays: -1 is negative; the horizon is 0 or more days",
            "SlotBooking:Calendars:0:MinNoticeMinutes: -5 is negative; the minimum notice is 0 or more minutes",
        ], Errors(Lab() with { HorizonDays = -1, MinNoticeMinutes = -5 }));
        Assert.Empty(Errors(Lab() with { HorizonDays = 0, MinNoticeMinutes = 0 }));
        Assert.Equal(["SlotBooking:Calendars:0:HorizonDays: 3661 is too far; the horizon is at most 3660 days"], Errors(Lab() with { HorizonDays = 3_661 }));
        Assert.Empty(Errors(Lab() with { HorizonDays = 3_660 }));
    }

    [Fact]
    public void A_duplicate_id_names_the_later_key_and_the_first()
    {
        Assert.Equal(
            ["SlotBooking:Calendars:2:Id: duplicate calendar id 'lab' (already used by SlotBooking:Calendars:0)"],
            Errors(Lab(), Lab(id: "robot"), Lab(zone: "Asia/Tokyo")));
    }

    [Fact]
    public void The_default_calendars_id_cannot_be_configured()
    {
        Assert.Equal(["SlotBooking:Calendars:1:Id: 'default' is the default calendar's id; choose another"], Errors(Lab(), Lab(id: "default")));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_and_no_calendar_is_kept()
    {
        var result = CalendarValidator.Validate([Lab(), Lab(id: "Bad Id", zone: "Mars/Base", first: 20, last: 10)]);

        Assert.False(result.IsValid);
        Assert.Empty(result.Calendars);
        Assert.Equal(
            ["SlotBooking:Calendars:1:Id", "SlotBooking:Calendars:1:TimeZone", "SlotBooking:Calendars:1:FirstHour"],
            result.Errors.Select(e => e.Key));
    }

    [Fact]
    public void The_section_key_can_be_another_one()
    {
        var result = CalendarValidator.Validate([Lab(zone: "Mars/Base")], sectionKey: "Admin:Calendars");

        Assert.Equal("Admin:Calendars:0:TimeZone", Assert.Single(result.Errors).Key);
    }

    [Fact]
    public void One_calendar_added_at_run_time_is_checked_against_the_ids_in_use()
    {
        var taken = new HashSet<string> { "default", "lab" };

        Assert.True(CalendarValidator.ValidateOne(Lab(id: "robot"), "calendar", taken).IsValid);
        Assert.Equal("calendar:Id: duplicate calendar id 'lab' (already in use)",
            Assert.Single(CalendarValidator.ValidateOne(Lab(), "calendar", taken).Errors).ToString());
        Assert.Equal("calendar:Id: 'default' is the default calendar's id; choose another",
            Assert.Single(CalendarValidator.ValidateOne(Lab(id: "default"), "calendar", new HashSet<string>()).Errors).ToString());
    }

    [Theory]
    [InlineData("Open", CalendarAccess.Open)]
    [InlineData("open", CalendarAccess.Open)]
    [InlineData("SignedIn", CalendarAccess.SignedIn)]
    [InlineData("signed_in", CalendarAccess.SignedIn)]
    [InlineData(null, CalendarAccess.SignedIn)]
    public void Access_is_Open_or_SignedIn_and_configured_calendars_default_to_SignedIn(string? access, CalendarAccess expected)
    {
        var result = CalendarValidator.Validate([Lab() with { Access = access }]);

        Assert.Equal(expected, Assert.Single(result.Calendars).Access);
    }

    [Theory]
    [InlineData("Public")]
    [InlineData("1")]
    [InlineData("")]
    public void Another_access_names_its_key(string access)
    {
        Assert.Equal(
            [$"SlotBooking:Calendars:0:Access: '{access}' is not a calendar access: use Open (anyone books) or SignedIn (booking needs a signed-in user)"],
            Errors(Lab() with { Access = access }));
    }

    [Fact]
    public void A_calendar_checked_without_a_key_names_its_fields_alone()
    {
        var result = CalendarValidator.ValidateOne(Lab(first: 25) with { Access = "x" }, "", new HashSet<string>());

        Assert.Equal(["FirstHour", "Access"], result.Errors.Select(e => e.Key));
    }
}
