using System.Security.Cryptography;
using System.Text;
using SlotBooking.Protocol;

namespace SlotBooking.Actors.Accounts;

/// <summary>An account's key (its normalized email) and the persistence id derived from it.</summary>
public static class AccountKey
{
    /// <summary>The normalized email (see <see cref="AccountRules.NormalizeEmail"/>): one key for every spelling of one email.</summary>
    public static string Of(string email) => AccountRules.NormalizeEmail(email);

    /// <summary><c>account-{lowercase hex SHA-256 of the normalized email}</c>: stable, fixed length, and a valid actor name.</summary>
    public static string PersistenceIdOf(string key) => "account-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>
    /// The entity id of the account a message is for: its persistence id. A message without an email still names one
    /// (the empty key's), whose actor refuses it, so that it is answered rather than dropped by the region.
    /// </summary>
    public static string EntityIdOf(IWithAccountEmail message) => PersistenceIdOf(Of(message.Email ?? ""));
}
