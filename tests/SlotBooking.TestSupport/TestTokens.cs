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
    public const string SigningKey = "test-signing-key-that-is-long-enough-for-hs256!";
    public const string Issuer = "slotbooking";
    public const string Audience = "slotbooking";

    /// <summary>The host's configuration for <see cref="SigningKey"/>; add <c>--SlotBooking:Admins:0=...</c> for admins.</summary>
    public static string[] Args() => [$"--SlotBooking:Auth:SigningKey={SigningKey}"];

    public static string For(
        string subject, bool admin = false, DateTimeOffset? expires = null, string? audience = null, string? key = null, DateTimeOffset? now = null)
    {
        var issuedAt = now ?? DateTimeOffset.UtcNow;
        var claims = new List<Claim> { new("sub", subject), new("email", subject) };
        if (admin) claims.Add(new Claim("role", "admin"));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience ?? Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime.AddMinutes(-5),
            Expires = (expires ?? issuedAt.AddHours(1)).UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key ?? SigningKey)), SecurityAlgorithms.HmacSha256),
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
