using System.Security.Cryptography;
using System.Text;

namespace SlotBooking.Actors.Limits;

/// <summary>Which sign-in limit an entity keeps: one client address's, or one account's.</summary>
public enum SignInLimitKind
{
    Address,
    Account,
}

/// <summary>
/// The entity ids of the sign-in limits: <c>address-{hash}</c> for a client address, <c>account-{hash}</c> for an
/// account's normalized email, each hash the first 32 hex digits of the key's SHA-256. Fixed length and free of the
/// email or address itself, since entity ids show in actor paths and logs.
/// </summary>
public static class SignInLimitKeys
{
    private const string AddressPrefix = "address-";
    private const string AccountPrefix = "account-";

    public static string OfAddress(string address) => AddressPrefix + Hash(address);

    public static string OfAccount(string accountKey) => AccountPrefix + Hash(accountKey);

    /// <summary>The kind of limit an entity id of <see cref="OfAddress"/> or <see cref="OfAccount"/> names; null for any other id.</summary>
    public static SignInLimitKind? KindOf(string entityId) =>
        entityId.StartsWith(AddressPrefix, StringComparison.Ordinal) ? SignInLimitKind.Address
        : entityId.StartsWith(AccountPrefix, StringComparison.Ordinal) ? SignInLimitKind.Account
        : null;

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 16);
}
