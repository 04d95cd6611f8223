using SlotBooking.Host.Configuration;

namespace SlotBooking.Host.Http;

public static class CorsSetup
{
    /// <summary>The default policy allows the configured origins ("*": all, as the seed does).</summary>
    public static IServiceCollection AddSlotCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection($"{SlotBookingOptions.Section}:{nameof(SlotBookingOptions.CorsOrigins)}").Get<string[]>() ?? ["*"];
        services.AddCors(cors => cors.AddDefaultPolicy(policy =>
        {
            if (origins.Contains("*")) policy.AllowAnyOrigin();
            else policy.WithOrigins(origins);
            policy.AllowAnyHeader().AllowAnyMethod();
        }));
        return services;
    }
}
