using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SlotBooking.Host.Configuration;

namespace SlotBooking.Host.Http;

/// <summary>
/// ASP.NET Core's rate limiter on the HTTP routes and on WebSocket upgrades: a token bucket per client address for
/// each, 429 with Retry-After beyond it.
/// </summary>
public static class HttpRateLimiting
{
    public const string Policy = "per-client";

    /// <summary>WebSocket upgrades per client address (<see cref="SlotBookingOptions.UpgradesPerMinute"/>).</summary>
    public const string UpgradePolicy = "websocket-upgrades";

    public static IServiceCollection AddSlotHttpRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        // Configured from the validated SlotBooking options, not from a second read of the configuration.
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SlotBookingOptions>>((limiter, slotBooking) =>
        {
            var o = slotBooking.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Tell a refused client when to come back, so that a well-behaved one does not retry in a loop.
            limiter.OnRejected = (context, _) =>
            {
                // A sliding window does not say when it frees up: a second is a polite pace to ask again at.
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Ceiling(retryAfter.TotalSeconds) : 1;
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)seconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(Policy, context => RateLimitPartition.GetTokenBucketLimiter(
                ClientAddress.Of(context),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = o.HttpRequestBurst,
                    TokensPerPeriod = Math.Max(1, o.HttpRequestsPerSecond / 10),
                    ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            var (upgradeTokens, upgradePeriod) = o.UpgradesPerMinute >= 60
                ? (o.UpgradesPerMinute / 60, TimeSpan.FromSeconds(1))
                : (1, TimeSpan.FromMinutes(1) / o.UpgradesPerMinute);
            limiter.AddPolicy(UpgradePolicy, context => RateLimitPartition.GetTokenBucketLimiter(
                ClientAddress.Of(context),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = o.UpgradesPerMinute,
                    TokensPerPeriod = upgradeTokens,
                    ReplenishmentPeriod = upgradePeriod,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        });
        return services;
    }
}
