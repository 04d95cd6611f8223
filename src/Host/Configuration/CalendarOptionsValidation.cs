using Microsoft.Extensions.Options;
using SlotBooking.Actors.Calendars;

namespace SlotBooking.Host.Configuration;

/// <summary>
/// Checks the configured calendars with <see cref="CalendarValidator"/>, the same rules an admin change will use.
/// Every error is reported, each as "key: problem", so one failed start lists everything to fix.
/// </summary>
public sealed class CalendarOptionsValidation : IValidateOptions<CalendarsOptions>
{
    public ValidateOptionsResult Validate(string? name, CalendarsOptions options)
    {
        var validation = CalendarValidator.Validate(options.Specs());
        return validation.IsValid
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(validation.Errors.Select(e => e.ToString()));
    }
}
