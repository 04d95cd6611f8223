namespace SlotBooking.Host.Http;

/// <summary>The named per-client-address limits, each a token bucket's burst and rate; each concern adds its own.</summary>
public sealed class ClientRateLimitPolicies
{
    private readonly Dictionary<string, (int Burst, double TokensPerSecond)> _policies = [];

    public IReadOnlyDictionary<string, (int Burst, double TokensPerSecond)> All => _policies;

    public void Add(string name, int burst, double tokensPerSecond) => _policies.Add(name, (burst, tokensPerSecond));
}
