using Microsoft.Extensions.Options;
using SlotBooking.Actors.Calendars;

namespace SlotBooking.Host.Configuration;

/// <summary>
/// Checks the configured calendars with <see cref="CalendarValidator"/>, the same rules an admin change will use.
/// Every error is reported, each as "key: problem", so one failed start lists everything to fix.
/// </summary>
public sealed class CalendarOptionsValidation(IConfiguration configuration) : IValidateOptions<CalendarsOptions>
{
    public ValidateOptionsResult Validate(string? name, CalendarsOptions options)
    {
        var bindingErrors = BindingErrors(configuration.GetSection(CalendarValidator.SectionKey));
        if (bindingErrors.Count > 0)
            return ValidateOptionsResult.Fail(bindingErrors);

        var validation = CalendarValidator.Validate(options.Specs());
        var errors = validation.Errors.ToList();
        DefaultAccess(options, errors);
        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors.Select(e => e.ToString()));
    }

    /// <summary>Who may book the default calendar: <c>SlotBooking:DefaultCalendarAccess</c>, <c>Open</c> unless configured.</summary>
    public static CalendarAccess DefaultAccess(CalendarsOptions options, List<CalendarConfigError> errors) =>
        CalendarValidator.CheckAccess(options.DefaultCalendarAccess, CalendarsOptions.DefaultCalendarAccessKey, CalendarAccess.Open, errors);

    /// <summary>
    /// What the list binder hides: it silently drops an item with a value it cannot convert ("FirstHour=eight"), and
    /// packs items keyed 0, 2 into a list 0, 1, so that a later error would name the wrong key. Each item is bound
    /// again on its own to get the binder's message; an unknown field (a misspelling) is an error rather than ignored.
    /// </summary>
    private static readonly string[] Fields =
    [
        nameof(CalendarOptions.Id), nameof(CalendarOptions.Name), nameof(CalendarOptions.TimeZone),
        nameof(CalendarOptions.FirstHour), nameof(CalendarOptions.LastHour),
        nameof(CalendarOptions.HorizonDays), nameof(CalendarOptions.MinNoticeMinutes), nameof(CalendarOptions.Access),
    ];

    private static List<string> BindingErrors(IConfigurationSection section)
    {
        var errors = new List<string>();
        var items = section.GetChildren().ToArray();
        var keys = items.Select(c => c.Key).ToArray();
        if (!keys.SequenceEqual(Enumerable.Range(0, keys.Length).Select(i => i.ToString())))
            errors.Add($"{section.Path}: number the calendars 0, 1, 2... without gaps (found {string.Join(", ", keys)})");
        foreach (var item in items)
        {
            foreach (var field in item.GetChildren().Where(f => !Fields.Contains(f.Key, StringComparer.OrdinalIgnoreCase)))
                errors.Add($"{field.Path}: not a calendar field; the fields are {string.Join(", ", Fields)}");
            try
            {
                item.Get<CalendarOptions>();
            }
            catch (InvalidOperationException e)
            {
                errors.Add($"{item.Path}: {e.Message}");
            }
        }
        return errors;
    }
}
