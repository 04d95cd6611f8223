using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using SlotBooking.Host.Configuration;

namespace SlotBooking.Host.Http;

public static class CorsSetup
{
    /// <summary>The default policy allows the configured origins (none configured, or "*": all, as the seed does).</summary>
    public static IServiceCollection AddSlotCors(this IServiceCollection services)
    {
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<SlotBookingOptions>>((cors, slotBooking) =>
            cors.AddDefaultPolicy(policy =>
            {
                if (slotBooking.Value.AllowsAnyOrigin) policy.AllowAnyOrigin();
                else policy.WithOrigins(slotBooking.Value.CorsOrigins);
                policy.AllowAnyHeader().AllowAnyMethod();
            }));
        return services;
    }
}
