using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SlotBooking.Actors.Calendars;

namespace SlotBooking.Host.Configuration;

/// <summary>The calendars as configured and checked: the default one and the dated ones, in configuration order.</summary>
public sealed record ConfiguredCalendars(CalendarDefinition Default, IReadOnlyList<CalendarDefinition> Others);

public static class CalendarRegistration
{
    /// <summary>
    /// Binds <c>SlotBooking:Calendars</c> and <c>SlotBooking:DefaultCalendarAccess</c>, refuses to start when any is
    /// invalid, and registers the one <see cref="CalendarRegistry"/>: the default calendar (from FirstSlot..LastSlot)
    /// first, then the configured ones. The calendar catalog replaces the configured ones with its stored state once it
    /// has recovered (see <c>CalendarCatalog</c>), before the service takes requests.
    /// </summary>
    public static IServiceCollection AddSlotCalendars(this IServiceCollection services)
    {
        services.AddOptions<CalendarsOptions>()
            .BindConfiguration(CalendarsOptions.Section)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CalendarsOptions>, CalendarOptionsValidation>());
        services.AddSingleton(CreateConfigured);
        services.AddSingleton(s =>
        {
            var configured = s.GetRequiredService<ConfiguredCalendars>();
            return new CalendarRegistry(configured.Default, configured.Others);
        });
        return services;
    }

    private static ConfiguredCalendars CreateConfigured(IServiceProvider services)
    {
        // Reading the options runs their validation, so the calendars here are known to be valid.
        var options = services.GetRequiredService<IOptions<CalendarsOptions>>().Value;
        var configured = CalendarValidator.Validate(options.Specs());
        var errors = configured.Errors.ToList();
        var access = CalendarOptionsValidation.DefaultAccess(options, errors);
        if (errors.Count > 0)
            throw new OptionsValidationException(CalendarsOptions.Section, typeof(CalendarsOptions), errors.Select(e => e.ToString()));
        var slots = services.GetSlotBookingOptions();
        return new ConfiguredCalendars(CalendarDefinition.Default(slots.FirstSlot, slots.LastSlot, access: access), configured.Calendars);
    }
}
