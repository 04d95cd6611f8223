using SlotBooking.Actors.Accounts;
using SlotBooking.Actors.Domain;

namespace SlotBooking.Host.Auth;

/// <summary>
/// <c>SlotBooking:Admins</c>, read as owners (see <see cref="OwnerId"/>). A plain entry (<c>admin@example.com</c>) names
/// a built-in account, matched in every spelling of its email (<see cref="AccountKey"/>); an entry
/// <c>{issuer} {subject}</c> (<c>https://idp.example alice</c>) names one subject of one identity provider. So a
/// provider's token whose <c>sub</c> is a listed email is not an admin by this list, and a built-in account named like a
/// listed provider subject is not either.
/// </summary>
public sealed class AdminList
{
    private readonly HashSet<string> _accountKeys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _providerOwners = new(StringComparer.Ordinal);

    public AdminList(IEnumerable<string> entries, string builtInIssuer)
    {
        foreach (var entry in entries.Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            var space = entry.IndexOf(' ');
            var owner = space < 0 ? entry : OwnerId.Of(entry[..space], entry[(space + 1)..].TrimStart(), builtInIssuer);
            if (OwnerId.IsBuiltIn(owner)) _accountKeys.Add(AccountKey.Of(owner));
            else _providerOwners.Add(owner);
        }
    }

    /// <summary>Whether the owner (a <see cref="Requester.Subject"/>) is listed.</summary>
    public bool Includes(string owner) =>
        OwnerId.IsBuiltIn(owner) ? _accountKeys.Contains(AccountKey.Of(owner)) : _providerOwners.Contains(owner);

    /// <summary>Whether the email, in any spelling, names a listed built-in account: such an account is made by the operator, never registered.</summary>
    public bool NamesAccount(string email) => _accountKeys.Contains(AccountKey.Of(email));
}
