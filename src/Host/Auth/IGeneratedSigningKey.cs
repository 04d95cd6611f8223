namespace SlotBooking.Host.Auth;

/// <summary>Where a generated signing key is kept, so that tokens survive restarts: beside the SQLite file, or in PostgreSQL.</summary>
public interface IGeneratedSigningKey
{
    /// <summary>The kept key; when there is none, <paramref name="generated"/> is kept and returned, unless another process kept one first.</summary>
    byte[] LoadOrCreate(byte[] generated);

    /// <summary>Checks a kept key as read: never one shorter than HS256 needs. The message names where, never the key.</summary>
    static byte[] Decode(string stored, string where)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(stored.Trim());
        }
        catch (FormatException)
        {
            key = [];
        }
        if (key.Length < 32)
            throw new InvalidOperationException($"The signing key in {where} is not a base64 key of at least 32 bytes; delete it to generate a new one (tokens issued so far become invalid)");
        return key;
    }
}
