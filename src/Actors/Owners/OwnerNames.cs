using System.Security.Cryptography;
using System.Text;

namespace SlotBooking.Actors.Owners;

/// <summary>
/// A short, fixed-shape name for an owner (a hash of the subject): the name of their read-model actor and what logs
/// show instead of an email. Two subjects could in theory share one, so nothing relies on it being unique.
/// </summary>
public static class OwnerNames
{
    public static string For(string subject) =>
        "owner-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(subject)), 0, 16);
}
