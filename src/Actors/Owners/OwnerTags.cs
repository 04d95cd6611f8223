using System.Security.Cryptography;
using System.Text;

namespace SlotBooking.Actors.Owners;

/// <summary>
/// The journal tag on every slot event that concerns an owner (a booking by them, or the cancellation of one), so that
/// their bookings can be rebuilt with one events-by-tag query. The subject is hashed: tags stay short and of one shape
/// whatever a subject holds. Readers still check each event's owner (two subjects could in theory share a tag).
/// </summary>
public static class OwnerTags
{
    public static string For(string subject) =>
        "owner-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(subject)), 0, 16);
}
