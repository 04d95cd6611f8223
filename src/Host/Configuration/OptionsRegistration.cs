using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SlotBooking.Protocol;

namespace SlotBooking.Host.Configuration;

public static class OptionsRegistration
{
    /// <summary>Binds <see cref="SlotBookingOptions"/> and <see cref="StorageOptions"/>, and refuses to start with invalid values.</summary>
    public static IServiceCollection AddSlotBookingOptions(this IServiceCollection services)
    {
        services.AddOptions<SlotBookingOptions>()
            .BindConfiguration(SlotBookingOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.FirstSlot <= o.LastSlot, "SlotBooking:FirstSlot must not be after SlotBooking:LastSlot")
            .ValidateOnStart();
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidation>());
        return services;
    }

    public static SlotRange SlotRange(this SlotBookingOptions options) => new(options.FirstSlot, options.LastSlot);

    public static SlotBookingOptions GetSlotBookingOptions(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<SlotBookingOptions>>().Value;

    public static StorageOptions GetStorageOptions(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value;
}
