using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SlotBooking.TestSupport;

/// <summary>
/// Tokens for tests, signed like the server's own: start the host with <see cref="Args"/> (a known signing key) and mint
/// tokens for any subject. The parameters make the bad tokens the security tests need: another key, expired, another
/// audience.
/// </summary>
public static class TestTokens
{
    // 64 bytes or more, so that tokens signed HS384 or HS512 with it can be made: the server must refuse them for their algorithm.
    public const string SigningKey = "test-signing-key-that-is-long-enough-for-hs256-hs384-and-hs512-too!";
    public const string Issuer = "slotbooking";
    public const string Audience = "slotbooking";

    /// <summary>The host's configuration for <see cref="SigningKey"/>; add <c>--SlotBooking:Admins:0=...</c> for admins.</summary>
    public static string[] Args() => [$"--SlotBooking:Auth:SigningKey={SigningKey}"];

    /// <param name="expires">For an expired token, more than the validation's 30 seconds of clock skew ago.</param>
    /// <param name="key">Another signing key (at least 32 characters, as HS256 needs).</param>
    /// <param name="issuer">Another <c>iss</c> (e.g. the provider's, to sign a token of the provider with this server's key).</param>
    /// <param name="algorithm">Another HMAC algorithm than HS256 (e.g. <c>SecurityAlgorithms.HmacSha512</c>).</param>
    public static string For(
        string subject, bool admin = false, DateTimeOffset? expires = null, string? audience = null, string? key = null, DateTimeOffset? now = null,
        string? issuer = null, string algorithm = SecurityAlgorithms.HmacSha256) =>
        Create(subject, admin, issuer ?? Issuer, audience ?? Audience, Encoding.UTF8.GetBytes(key ?? SigningKey), now ?? DateTimeOffset.UtcNow, expires, algorithm);

    /// <summary>
    /// An identity provider's tokens, configured only through the standard <c>Authentication:Schemes:Bearer</c>
    /// section as <c>dotnet user-jwts</c> writes it: its issuer, its audience, and its base64 key for that issuer.
    /// </summary>
    public static class Provider
    {
        public const string Issuer = "https://idp.example";
        public const string Audience = "slotbooking-api";
        public static readonly string KeyBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("identity-provider-key-long-enough-for-hs256-hs384-and-hs512-as-well!"));

        public static string[] Args() =>
        [
            $"--Authentication:Schemes:Bearer:ValidIssuer={Issuer}",
            $"--Authentication:Schemes:Bearer:ValidAudiences:0={Audience}",
            $"--Authentication:Schemes:Bearer:SigningKeys:0:Issuer={Issuer}",
            $"--Authentication:Schemes:Bearer:SigningKeys:0:Value={KeyBase64}",
        ];

        public static string For(
            string subject, bool admin = false, string? issuer = null, string? audience = null, DateTimeOffset? expires = null,
            string algorithm = SecurityAlgorithms.HmacSha256) =>
            Create(subject, admin, issuer ?? Issuer, audience ?? Audience, Convert.FromBase64String(KeyBase64), DateTimeOffset.UtcNow, expires, algorithm);
    }

    private static string Create(
        string subject, bool admin, string issuer, string audience, byte[] key, DateTimeOffset issuedAt, DateTimeOffset? expires,
        string algorithm = SecurityAlgorithms.HmacSha256)
    {
        var claims = new List<Claim> { new("sub", subject), new("email", subject) };
        if (admin) claims.Add(new Claim("role", "admin"));
        var expiresAt = expires ?? issuedAt.AddHours(1);
        // Valid from a little before it was issued (clocks differ); never after it expires, which the handler refuses to write.
        if (expiresAt < issuedAt) issuedAt = expiresAt.AddMinutes(-1);
        var notBefore = issuedAt.AddMinutes(-5);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = notBefore.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), algorithm),
        });
    }

    /// <summary>An unsigned token (<c>alg: none</c>) claiming <paramref name="subject"/>.</summary>
    public static string Unsigned(string subject, bool admin = false)
    {
        static string B64(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var role = admin ? ",\"role\":\"admin\"" : "";
        return $"{B64("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{B64($"{{\"sub\":\"{subject}\",\"iss\":\"{Issuer}\",\"aud\":\"{Audience}\",\"exp\":{exp}{role}}}")}.";
    }

    /// <summary>A valid token for <paramref name="subject"/> whose payload is then changed to claim <paramref name="claimedSubject"/> (signature kept).</summary>
    public static string Tampered(string subject, string claimedSubject)
    {
        var parts = For(subject).Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace($"\"{subject}\"", $"\"{claimedSubject}\"");
        return $"{parts[0]}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";
    }
}
