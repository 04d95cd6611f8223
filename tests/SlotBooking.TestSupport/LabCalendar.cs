namespace SlotBooking.TestSupport;

/// <summary>The dated calendar the tests configure: <c>lab</c>, "Robotics lab", in Europe/Berlin.</summary>
public static class LabCalendar
{
    /// <summary>The host's command-line configuration for it, hours <paramref name="firstHour"/> to <paramref name="lastHour"/>.</summary>
    public static string[] Args(int firstHour = 8, int lastHour = 19) =>
    [
        "--SlotBooking:Calendars:0:Id=lab",
        "--SlotBooking:Calendars:0:Name=Robotics lab",
        "--SlotBooking:Calendars:0:TimeZone=Europe/Berlin",
        $"--SlotBooking:Calendars:0:FirstHour={firstHour}",
        $"--SlotBooking:Calendars:0:LastHour={lastHour}",
    ];
}
