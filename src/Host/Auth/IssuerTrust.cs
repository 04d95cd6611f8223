using Microsoft.IdentityModel.Tokens;

namespace SlotBooking.Host.Auth;

/// <summary>
/// What each trusted issuer's tokens may be signed with, for whom, and how: this server's own issuer with its own key,
/// its own audience and HS256 only; an identity provider's issuers (the <c>Authentication:Schemes:Bearer</c> section)
/// with the keys that section names for that issuer (or that its metadata publishes), the section's audiences, and the
/// algorithms it names. A token is judged by its own <c>iss</c> only, so one issuer's key never vouches for a token
/// claiming another issuer, and an issuer's tokens are never valid for another issuer's audience.
/// </summary>
public sealed class IssuerTrust
{
    /// <summary>The provider's algorithms when its section names none: HMAC as <c>dotnet user-jwts</c> signs, RSA as identity providers do.</summary>
    public static readonly IReadOnlySet<string> DefaultProviderAlgorithms = new HashSet<string>(StringComparer.Ordinal)
    {
        SecurityAlgorithms.HmacSha256, SecurityAlgorithms.RsaSha256,
    };

    private static readonly IReadOnlySet<string> OwnAlgorithms = new HashSet<string>(StringComparer.Ordinal) { SecurityAlgorithms.HmacSha256 };

    private readonly string _ownIssuer;
    private readonly IReadOnlySet<string> _ownAudience;
    private readonly SecurityKey _ownKey;
    private readonly IReadOnlyDictionary<string, SecurityKey[]> _providerKeys;
    private readonly IReadOnlySet<string> _providerAudiences;
    private readonly IReadOnlySet<string> _providerAlgorithms;

    /// <param name="providerKeys">The provider's keys by the issuer each was configured for.</param>
    public IssuerTrust(
        string ownIssuer, string ownAudience, SecurityKey ownKey,
        IReadOnlyDictionary<string, SecurityKey[]> providerKeys, IEnumerable<string> providerAudiences, IEnumerable<string> providerAlgorithms)
    {
        _ownIssuer = ownIssuer;
        _ownAudience = new HashSet<string>(StringComparer.Ordinal) { ownAudience };
        _ownKey = ownKey;
        _providerKeys = providerKeys;
        _providerAudiences = providerAudiences.ToHashSet(StringComparer.Ordinal);
        var algorithms = providerAlgorithms.ToHashSet(StringComparer.Ordinal);
        _providerAlgorithms = algorithms.Count > 0 ? algorithms : DefaultProviderAlgorithms;
    }

    /// <summary>The checks of issuer-bound keys, audiences and algorithms, set on the one set of parameters every path validates with.</summary>
    public void ApplyTo(TokenValidationParameters parameters)
    {
        string[] providerIssuers = [.. parameters.ValidIssuers ?? [], .. parameters.ValidIssuer is { } i ? [i] : Array.Empty<string>()];
        if (providerIssuers.Contains(_ownIssuer, StringComparer.Ordinal))
            throw new InvalidOperationException(
                $"Authentication:Schemes:Bearer names this server's own issuer '{_ownIssuer}': set SlotBooking:Auth:Issuer to another value, so the provider's tokens and this server's are told apart");
        parameters.ValidIssuers = [.. providerIssuers.Distinct(StringComparer.Ordinal), _ownIssuer];
        parameters.ValidIssuer = null;
        parameters.ValidAudiences = [.. _providerAudiences, .. _ownAudience];
        parameters.ValidAudience = null;
        // Only the keys of the token's own issuer are tried: never every key the service knows.
        parameters.IssuerSigningKeys = [];
        parameters.IssuerSigningKey = null;
        parameters.TryAllIssuerSigningKeys = false;
        parameters.IssuerSigningKeyResolver = (_, token, _, _) => KeysOf(token.Issuer, null);
        parameters.IssuerSigningKeyResolverUsingConfiguration = (_, token, _, _, configuration) => KeysOf(token.Issuer, configuration);
        parameters.AudienceValidator = (audiences, token, _) => audiences.Any(AudiencesOf(token.Issuer).Contains);
        parameters.AlgorithmValidator = (algorithm, _, token, _) => AlgorithmsOf(token.Issuer).Contains(algorithm);
    }

    private IEnumerable<SecurityKey> KeysOf(string? issuer, BaseConfiguration? configuration)
    {
        if (issuer is null) return [];
        if (issuer == _ownIssuer) return [_ownKey];
        IEnumerable<SecurityKey> keys = _providerKeys.TryGetValue(issuer, out var configured) ? configured : [];
        // An identity provider's metadata (Authority) publishes the keys of the one issuer it names.
        if (configuration is { Issuer: { } discovered } && discovered == issuer) keys = keys.Concat(configuration.SigningKeys);
        return keys;
    }

    private IReadOnlySet<string> AudiencesOf(string? issuer) => issuer == _ownIssuer ? _ownAudience : _providerAudiences;

    private IReadOnlySet<string> AlgorithmsOf(string? issuer) => issuer == _ownIssuer ? OwnAlgorithms : _providerAlgorithms;
}
