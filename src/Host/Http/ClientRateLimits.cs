using Microsoft.Extensions.Options;
using SlotBooking.Host.Limits;

namespace SlotBooking.Host.Http;

/// <summary>The buckets of every <see cref="ClientRateLimitPolicies">policy</see>, keyed by client address.</summary>
public sealed class ClientRateLimits(IOptions<ClientRateLimitPolicies> policies, TimeProvider clock)
{
    private readonly Dictionary<string, KeyedTokenBuckets> _buckets = policies.Value.All.ToDictionary(
        p => p.Key, p => new KeyedTokenBuckets(new TokenBucketRate(p.Value.Burst, p.Value.TokensPerSecond, clock)));

    public KeyedTokenBuckets For(string policy) =>
        _buckets.TryGetValue(policy, out var buckets)
            ? buckets
            : throw new InvalidOperationException($"An endpoint is limited by the rate limit policy '{policy}', which is not registered.");
}
