using System.Text;

namespace SlotBooking.Actors.Accounts;

/// <summary>What an account journals; see <see cref="Serialization.AccountEventSerializer"/> for their stored shapes.</summary>
public interface IAccountEvent;

/// <summary>
/// An account was created: its email as first registered, the password's hash (never the password; hashed by the
/// host, outside the actor), and when. Its text form (logs) leaves the hash out.
/// </summary>
public sealed record AccountRegistered(string Email, string PasswordHash, DateTimeOffset CreatedAt) : IAccountEvent
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Email = {Email}, PasswordHash = (hidden), CreatedAt = {CreatedAt:O}");
        return true;
    }
}

/// <summary>
/// The operator replaced the account's password (the host's <c>accounts add --force</c>): the new hash and when. Its
/// text form leaves the hash out.
/// </summary>
public sealed record AccountPasswordReplaced(string PasswordHash, DateTimeOffset ReplacedAt) : IAccountEvent
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"PasswordHash = (hidden), ReplacedAt = {ReplacedAt:O}");
        return true;
    }
}
