using System.Text;

namespace SlotBooking.Actors.Accounts;

/// <summary>A message for the account of an email; the accounts' region routes it by the email's normalized key (<see cref="AccountKey.EntityIdOf"/>).</summary>
public interface IWithAccountEmail
{
    string Email { get; }
}

/// <summary>A stored account. Its text form (logs, dead letters) leaves the hash out.</summary>
public sealed record Account(string Email, string PasswordHash, DateTimeOffset CreatedAt)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Email = {Email}, PasswordHash = (hidden), CreatedAt = {CreatedAt:O}");
        return true;
    }
}

/// <summary>Create the account of <paramref name="Email"/> unless it exists. Answered with <see cref="IRegisterReply"/> once stored.</summary>
public sealed record RegisterAccount(string Email, string PasswordHash) : IWithAccountEmail
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Email = {Email}, PasswordHash = (hidden)");
        return true;
    }
}

/// <summary>
/// Replace the password of the existing account of <paramref name="Email"/> (an operator's command, never a public
/// route). Answered with <see cref="AccountPasswordChanged"/> once stored, or <see cref="AccountLookup"/> with no
/// account when there is none.
/// </summary>
public sealed record ReplaceAccountPassword(string Email, string PasswordHash) : IWithAccountEmail
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Email = {Email}, PasswordHash = (hidden)");
        return true;
    }
}

/// <summary>The account's password was replaced and stored.</summary>
public sealed record AccountPasswordChanged(Account Account);

/// <summary>The account of <paramref name="Email"/>, if any. Answered with <see cref="AccountLookup"/>.</summary>
public sealed record FindAccount(string Email) : IWithAccountEmail;

public interface IRegisterReply;

/// <summary>The account was created and stored.</summary>
public sealed record AccountCreated(Account Account) : IRegisterReply;

/// <summary>The email (in any spelling with the same key) was already registered; nothing changed.</summary>
public sealed record AccountAlreadyExists(string Email) : IRegisterReply;

/// <summary>The account found, or null when the email is not registered.</summary>
public sealed record AccountLookup(Account? Account);
