namespace SlotBooking.Actors.Calendars;

/// <summary>
/// The outcome of checking a calendar configuration: either every definition (when <see cref="Errors"/> is empty)
/// or every error found, never a part of the calendars, so a bad configuration cannot half start.
/// </summary>
public sealed record CalendarValidation(IReadOnlyList<CalendarDefinition> Calendars, IReadOnlyList<CalendarConfigError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public static CalendarValidation Valid(IReadOnlyList<CalendarDefinition> calendars) => new(calendars, []);

    public static CalendarValidation Invalid(IReadOnlyList<CalendarConfigError> errors) => new([], errors);
}
