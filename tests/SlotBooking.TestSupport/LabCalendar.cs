namespace SlotBooking.TestSupport;

/// <summary>The dated calendar the tests configure: <c>lab</c>, "Robotics lab", in Europe/Berlin.</summary>
public static class LabCalendar
{
    /// <summary>
    /// The host's command-line configuration for it, hours <paramref name="firstHour"/> to <paramref name="lastHour"/>;
    /// open to anonymous bookings unless <paramref name="access"/> says <c>SignedIn</c> (a configured calendar's default).
    /// </summary>
    public static string[] Args(int firstHour = 8, int lastHour = 19, string access = "Open") =>
    [
        $"--SlotBooking:Calendars:0:Access={access}",
        "--SlotBooking:Calendars:0:Id=lab",
        "--SlotBooking:Calendars:0:Name=Robotics lab",
        "--SlotBooking:Calendars:0:TimeZone=Europe/Berlin",
        $"--SlotBooking:Calendars:0:FirstHour={firstHour}",
        $"--SlotBooking:Calendars:0:LastHour={lastHour}",
    ];
}
