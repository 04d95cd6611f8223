using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SlotBooking.Host.Configuration;

namespace SlotBooking.Host.Http;

/// <summary>ASP.NET Core's rate limiter on the HTTP routes: a token bucket per client address, 429 beyond it.</summary>
public static class HttpRateLimiting
{
    public const string Policy = "per-client";

    public static IServiceCollection AddSlotHttpRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        // Configured from the validated SlotBooking options, not from a second read of the configuration.
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SlotBookingOptions>>((limiter, slotBooking) =>
        {
            var o = slotBooking.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Policy, context => RateLimitPartition.GetTokenBucketLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = o.HttpRequestBurst,
                    TokensPerPeriod = Math.Max(1, o.HttpRequestsPerSecond / 10),
                    ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        });
        return services;
    }
}
