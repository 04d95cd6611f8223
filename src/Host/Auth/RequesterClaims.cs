using System.Security.Claims;
using SlotBooking.Actors.Domain;

namespace SlotBooking.Host.Auth;

/// <summary>
/// Reads a validated token's claims as a <see cref="Requester"/>. Claims are kept as the token names them (inbound
/// claim mapping is off): the subject is <c>sub</c>, else <c>email</c>; an admin is a subject listed in
/// <c>SlotBooking:Admins</c> or a token with the role <c>admin</c> (<c>role</c> or <c>roles</c>).
/// </summary>
public sealed class RequesterClaims(IReadOnlySet<string> admins)
{
    public const string AdminRole = "admin";

    public Requester? From(ClaimsPrincipal? user) =>
        user?.Identities.FirstOrDefault(i => i.IsAuthenticated) is { } identity ? From(identity) : null;

    public Requester? From(ClaimsIdentity identity)
    {
        var subject = identity.FindFirst("sub")?.Value ?? identity.FindFirst("email")?.Value;
        if (string.IsNullOrEmpty(subject)) return null;
        var isAdmin = admins.Contains(subject)
                      || identity.Claims.Any(c => c.Type is "role" or "roles" && c.Value == AdminRole);
        return Requester.SignedIn(subject, isAdmin);
    }
}
