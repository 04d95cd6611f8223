using System.ComponentModel.DataAnnotations;

namespace SlotBooking.Host.Auth;

/// <summary>
/// <c>SlotBooking:Auth</c>: the tokens this server issues to its built-in accounts. Tokens from an identity provider
/// are configured in the standard <c>Authentication:Schemes:Bearer</c> section instead (ValidIssuer, ValidAudiences,
/// SigningKeys); both kinds are accepted side by side.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "SlotBooking:Auth";

    /// <summary>
    /// The HMAC key this server signs its tokens with: at least 32 characters. When empty, a random key is generated on
    /// first start and kept beside the database (<c>{database}.signing-key</c>), so tokens survive restarts. Never logged.
    /// </summary>
    [MinLength(32)]
    public string? SigningKey { get; set; }

    /// <summary>The <c>iss</c> of the tokens this server issues.</summary>
    [Required]
    public string Issuer { get; set; } = "slotbooking";

    /// <summary>The <c>aud</c> of the tokens this server issues.</summary>
    [Required]
    public string Audience { get; set; } = "slotbooking";

    /// <summary>How long a token from <c>POST /auth/login</c> is valid.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);
}
