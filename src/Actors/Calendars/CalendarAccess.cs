namespace SlotBooking.Actors.Calendars;

/// <summary>Who may book a calendar's slots, and who may cancel them.</summary>
public enum CalendarAccess
{
    /// <summary>
    /// Anyone may book, as in the seed. An anonymous booking may be cancelled by anyone; a signed-in booking only by
    /// its owner or an admin. The default calendar's default.
    /// </summary>
    Open,

    /// <summary>Booking needs an identity, and only the owner or an admin cancels. The default of configured calendars.</summary>
    SignedIn,
}
