using System.Security.Claims;
using SlotBooking.Actors.Domain;

namespace SlotBooking.Host.Auth;

/// <summary>
/// Reads a validated token's claims as a <see cref="Requester"/>. Claims are kept as the token names them (inbound
/// claim mapping is off): the subject is <c>sub</c>, else <c>email</c>, and the owner is that subject together with the
/// token's <c>iss</c> (<see cref="OwnerId"/>); an admin is an owner listed in <c>SlotBooking:Admins</c>
/// (<see cref="AdminList"/>) or a token with the role <c>admin</c> (<c>role</c> or <c>roles</c>).
/// </summary>
public sealed class RequesterClaims(AdminList admins, string builtInIssuer)
{
    public const string AdminRole = "admin";

    public Requester? From(ClaimsPrincipal? user) =>
        user?.Identities.FirstOrDefault(i => i.IsAuthenticated) is { } identity ? From(identity) : null;

    public Requester? From(ClaimsIdentity identity)
    {
        if (TokenSubject(identity) is not { } subject || TokenIssuer(identity) is not { } issuer) return null;
        var owner = OwnerId.Of(issuer, subject, builtInIssuer);
        var isAdmin = admins.Includes(owner)
                      || identity.Claims.Any(c => c.Type is "role" or "roles" && c.Value == AdminRole);
        return Requester.SignedIn(owner, isAdmin);
    }

    /// <summary>The subject as the token names it (<c>sub</c>, else <c>email</c>), without its issuer.</summary>
    public static string? TokenSubject(ClaimsIdentity identity) =>
        identity.FindFirst("sub")?.Value is { Length: > 0 } sub ? sub
        : identity.FindFirst("email")?.Value is { Length: > 0 } email ? email
        : null;

    /// <summary>The token's <c>iss</c>; the handler refuses a token without a valid one, so a missing one names nobody.</summary>
    public static string? TokenIssuer(ClaimsIdentity identity) =>
        identity.FindFirst("iss")?.Value is { Length: > 0 } iss ? iss : null;
}
