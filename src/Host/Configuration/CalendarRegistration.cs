using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SlotBooking.Actors.Calendars;

namespace SlotBooking.Host.Configuration;

public static class CalendarRegistration
{
    /// <summary>
    /// Binds <c>SlotBooking:Calendars</c>, refuses to start when any calendar is invalid, and registers the one
    /// <see cref="CalendarRegistry"/>: the default calendar (from FirstSlot..LastSlot) first, then the configured ones.
    /// </summary>
    public static IServiceCollection AddSlotCalendars(this IServiceCollection services)
    {
        services.AddOptions<CalendarsOptions>()
            .BindConfiguration(CalendarsOptions.Section)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CalendarsOptions>, CalendarOptionsValidation>());
        services.AddSingleton(CreateRegistry);
        return services;
    }

    private static CalendarRegistry CreateRegistry(IServiceProvider services)
    {
        // Reading the options runs their validation, so the calendars here are known to be valid.
        var configured = CalendarValidator.Validate(services.GetRequiredService<IOptions<CalendarsOptions>>().Value.Specs());
        if (!configured.IsValid)
            throw new OptionsValidationException(CalendarsOptions.Section, typeof(CalendarsOptions), configured.Errors.Select(e => e.ToString()));
        var slots = services.GetSlotBookingOptions();
        return new CalendarRegistry(CalendarDefinition.Default(slots.FirstSlot, slots.LastSlot), configured.Calendars);
    }
}
