using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using SlotBooking.Actors.Sessions;

namespace SlotBooking.Host.Auth;

/// <summary>
/// Validates a token from a WebSocket message with exactly the parameters the JwtBearer handler uses for HTTP, so a
/// token is accepted or refused alike on every path.
/// </summary>
public sealed class JwtTokenValidator(IOptionsMonitor<JwtBearerOptions> bearer, RequesterClaims claims) : ITokenValidator
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async ValueTask<TokenCheck> ValidateAsync(string token)
    {
        var parameters = bearer.Get(JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters;
        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid || claims.From(result.ClaimsIdentity) is not { } requester) return TokenCheck.Invalid;
        // Kept for later messages with its skew, so that it stops being accepted when HTTP stops accepting it.
        return new TokenCheck(requester, TokenLifetime.AcceptedUntil(new DateTimeOffset(result.SecurityToken.ValidTo, TimeSpan.Zero)));
    }
}
