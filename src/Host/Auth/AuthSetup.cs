using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using SlotBooking.Actors.Sessions;
using SlotBooking.Host.Configuration;
using SlotBooking.Host.WebSockets;

namespace SlotBooking.Host.Auth;

/// <summary>
/// Bearer tokens through ASP.NET Core's JwtBearer handler, configured from the standard
/// <c>Authentication:Schemes:Bearer</c> section (an identity provider's issuer, audiences and keys; <c>dotnet user-jwts</c>
/// writes the same section) plus this server's own issuer, audience and signing key for its built-in accounts.
/// </summary>
public static class AuthSetup
{
    public static IServiceCollection AddSlotAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.HasValidSigningKey, $"{AuthOptions.Section}:SigningKey must be empty (a key is generated) or at least {AuthOptions.MinSigningKeyBytes} bytes of UTF-8")
            .ValidateOnStart();
        services.AddSingleton(SigningKeyStore.GeneratedKeyFor);
        services.AddSingleton<SigningKeyStore>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton(s => new AdminList(
            s.GetSlotBookingOptions().Admins, s.GetRequiredService<IOptions<AuthOptions>>().Value.Issuer));
        services.AddSingleton(s => new RequesterClaims(
            s.GetRequiredService<AdminList>(), s.GetRequiredService<IOptions<AuthOptions>>().Value.Issuer));
        services.AddSingleton<ITokenValidator, JwtTokenValidator>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .PostConfigure<SigningKeyStore, IOptions<AuthOptions>, TimeProvider, IConfiguration>(AcceptOwnTokens)
            // Validated at start, which also loads (or generates) the signing key then, not at the first request: a key
            // file that cannot be written or read stops the start with its message.
            .Validate(bearer => bearer.TokenValidationParameters.IssuerSigningKeyResolver is not null, "Token keys are not bound to their issuers")
            .ValidateOnStart();
        services.AddAuthorizationBuilder()
            .AddPolicy(AuthPolicies.SignedIn, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(AuthPolicies.Admin, policy => policy.RequireAuthenticatedUser().RequireAssertion(context =>
                context.Resource is HttpContext http
                && http.RequestServices.GetRequiredService<RequesterClaims>().From(context.User) is { IsAdmin: true }));
        return services;
    }

    /// <summary>The standard section of the provider's settings, read again for what the binder loses (which key is whose, algorithms).</summary>
    public const string BearerSection = "Authentication:Schemes:Bearer";

    /// <summary>
    /// Adds this server's issuer, audience and key to whatever the configuration gave, each key bound to its issuer
    /// (<see cref="IssuerTrust"/>), and fixes the claim names and the clock.
    /// </summary>
    private static void AcceptOwnTokens(JwtBearerOptions bearer, SigningKeyStore keys, IOptions<AuthOptions> auth, TimeProvider clock, IConfiguration configuration)
    {
        var own = auth.Value;
        var parameters = bearer.TokenValidationParameters;
        // Claims keep the names the token gives them: "sub", "email", "role".
        bearer.MapInboundClaims = false;
        parameters.NameClaimType = "sub";
        parameters.RoleClaimType = "role";
        var section = configuration.GetSection(BearerSection);
        var trust = new IssuerTrust(own.Issuer, own.Audience, keys.Key,
            ProviderKeys(section),
            [.. parameters.ValidAudiences ?? [], .. parameters.ValidAudience is { } a ? [a] : Array.Empty<string>()],
            section.GetSection("ValidAlgorithms").GetChildren().Select(c => c.Value).OfType<string>());
        trust.ApplyTo(parameters);
        // Always checked, whatever the Bearer section says (the binder honours ValidateIssuer/ValidateAudience/
        // ValidateLifetime=false): unchecked, a provider's tokens for any other service, or expired ones, would be
        // accepted here. Our own issuer and audience are always valid ones.
        parameters.ValidateIssuer = true;
        parameters.ValidateAudience = true;
        parameters.ValidateLifetime = true;
        parameters.RequireSignedTokens = true;
        parameters.RequireExpirationTime = true;
        // One clock skew for every path (the WebSocket's verdicts keep it too, see TokenLifetime.AcceptedUntil).
        parameters.ClockSkew = TokenLifetime.ClockSkew;
        // Lifetimes are judged on the service's injected clock, as everything else.
        parameters.LifetimeValidator = (notBefore, expires, _, p) => TokenLifetime.IsValid(notBefore, expires, clock.GetUtcNow().UtcDateTime, p.ClockSkew);
        bearer.TimeProvider = clock;
        // Browsers cannot set headers on a WebSocket: the upgrade may carry the token as ?access_token=.
        bearer.Events ??= new JwtBearerEvents();
        bearer.Events.OnMessageReceived = context =>
        {
            if (context.Request.Path.StartsWithSegments(SlotBookingSocket.Path) && context.Request.Query["access_token"] is [{ } token, ..])
                context.Token = token;
            return Task.CompletedTask;
        };
    }

    /// <summary>
    /// The provider's keys as <c>dotnet user-jwts</c> writes them (<c>SigningKeys:n:Issuer</c> and base64 <c>Value</c>),
    /// each kept with its issuer; an issuer may have several (a key being rotated).
    /// </summary>
    private static Dictionary<string, SecurityKey[]> ProviderKeys(IConfigurationSection bearer) =>
        bearer.GetSection("SigningKeys").GetChildren()
            .Select(k => (Issuer: k["Issuer"], Value: k["Value"]))
            .Where(k => !string.IsNullOrEmpty(k.Issuer) && !string.IsNullOrEmpty(k.Value))
            .GroupBy(k => k.Issuer!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(k => (SecurityKey)new SymmetricSecurityKey(Convert.FromBase64String(k.Value!))).ToArray(), StringComparer.Ordinal);
}

/// <summary>The authorization policies of the routes.</summary>
public static class AuthPolicies
{
    /// <summary>Any valid token.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>A valid token whose subject is an admin (see <see cref="RequesterClaims"/>).</summary>
    public const string Admin = "admin";
}
