using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SlotBooking.Client.Auth;

/// <summary>
/// Tokens signed with a key the server trusts (its <c>SlotBooking:Auth:SigningKey</c>, or an identity provider's key
/// in <c>Authentication:Schemes:Bearer:SigningKeys</c>), one subject per load client: <c>load-{n}@bench.local</c>.
/// </summary>
public sealed class MintedTokens(string signingKey, string issuer = "slotbooking", string audience = "slotbooking")
{
    private readonly JsonWebTokenHandler _handler = new();
    private readonly SigningCredentials _credentials = new(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256);

    /// <param name="admin">With the role <c>admin</c>: may cancel anyone's booking, so a load of such clients meets the same
    /// refusals as anonymous clients on an open calendar (a like-for-like cost comparison).</param>
    public string For(int client, TimeSpan lifetime, bool admin = false)
    {
        var subject = string.Create(CultureInfo.InvariantCulture, $"load-{client}@bench.local");
        var now = DateTime.UtcNow;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(admin
                ? [new Claim("sub", subject), new Claim("email", subject), new Claim("role", "admin")]
                : [new Claim("sub", subject), new Claim("email", subject)]),
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now + lifetime,
            SigningCredentials = _credentials,
        });
    }
}
