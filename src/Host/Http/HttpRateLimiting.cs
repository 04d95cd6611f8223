using Microsoft.Extensions.Options;
using SlotBooking.Host.Configuration;

namespace SlotBooking.Host.Http;

/// <summary>
/// Per-client-address limits on the HTTP routes and on WebSocket upgrades: a token bucket per client address and
/// policy, 429 with Retry-After beyond it. Not ASP.NET Core's rate limiter: its partitioned limiter wakes every 100 ms
/// for its whole life to refill and sweep its buckets; these buckets refill when a request comes, so an idle server
/// does no work for them (<see cref="Limits.KeyedTokenBuckets"/>).
/// </summary>
public static class HttpRateLimiting
{
    public const string Policy = "per-client";

    /// <summary>WebSocket upgrades per client address (<see cref="SlotBookingOptions.UpgradesPerMinute"/>).</summary>
    public const string UpgradePolicy = "websocket-upgrades";

    public static IServiceCollection AddSlotHttpRateLimiting(this IServiceCollection services)
    {
        services.AddSingleton<ClientRateLimits>();
        // Configured from the validated SlotBooking options, not from a second read of the configuration.
        services.AddOptions<ClientRateLimitPolicies>().Configure<IOptions<SlotBookingOptions>>((policies, slotBooking) =>
        {
            var o = slotBooking.Value;
            policies.Add(Policy, o.HttpRequestBurst, o.HttpRequestsPerSecond);
            // A minute's worth may come at once, then one every 60/UpgradesPerMinute seconds.
            policies.Add(UpgradePolicy, o.UpgradesPerMinute, o.UpgradesPerMinute / 60.0);
        });
        return services;
    }

    /// <summary>Refuses, before the endpoint runs, a request over its endpoint's limit (<see cref="RequireClientRateLimit"/>).</summary>
    public static IApplicationBuilder UseSlotHttpRateLimiting(this IApplicationBuilder app) => app.UseMiddleware<ClientRateLimitMiddleware>();

    /// <summary>Limits the endpoints of <paramref name="builder"/> per client address by the named policy.</summary>
    public static TBuilder RequireClientRateLimit<TBuilder>(this TBuilder builder, string policy) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ClientRateLimitMetadata(policy));
}

/// <summary>Endpoint metadata: the policy the endpoint is limited by; the most specific one applies.</summary>
public sealed record ClientRateLimitMetadata(string Policy);
