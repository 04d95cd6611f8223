using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using SlotBooking.Host.Configuration;

namespace SlotBooking.Host.Http;

/// <summary>ASP.NET Core's rate limiter on the HTTP routes: a token bucket per client address, 429 beyond it.</summary>
public static class HttpRateLimiting
{
    public const string Policy = "per-client";

    public static IServiceCollection AddSlotHttpRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SlotBookingOptions.Section).Get<SlotBookingOptions>() ?? new SlotBookingOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Policy, context => RateLimitPartition.GetTokenBucketLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.HttpRequestBurst,
                    TokensPerPeriod = Math.Max(1, options.HttpRequestsPerSecond / 10),
                    ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        });
        return services;
    }
}
