using SlotBooking.Actors.Accounts;
using SlotBooking.Protocol;

namespace SlotBooking.Tests.Accounts;

/// <summary>Which emails and passwords are accepted, and one key for every spelling of an email.</summary>
public sealed class AccountRulesTests
{
    [Theory]
    [InlineData("ÄLICE@Example.org", "älice@example.org")]
    [InlineData("A\u0308lice@example.org", "älice@EXAMPLE.ORG")]
    [InlineData("Ärger@Example.org", "ärger@example.org")]
    [InlineData("ΣΩΚΡΑΤΗΣ@example.gr", "σωκρατησ@example.gr")]
    [InlineData("Ohm\u2126@example.org", "ohmω@example.org")]
    public void Spellings_of_one_email_have_one_key(string one, string other)
    {
        Assert.Equal(AccountKey.Of(one), AccountKey.Of(other));
        Assert.Equal(AccountKey.PersistenceIdOf(AccountKey.Of(one)), AccountKey.PersistenceIdOf(AccountKey.Of(other)));
    }

    [Theory]
    [InlineData("alice@example.org", "alicia@example.org")]
    [InlineData("älice@example.org", "alice@example.org")]
    public void Different_emails_have_different_keys(string one, string other)
    {
        Assert.NotEqual(AccountKey.Of(one), AccountKey.Of(other));
    }

    [Fact]
    public void The_persistence_id_is_the_sha256_of_the_key_in_lowercase_hex()
    {
        // SHA-256("ALICE@EXAMPLE.ORG")
        Assert.Equal("account-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("ALICE@EXAMPLE.ORG"u8)),
            AccountKey.PersistenceIdOf(AccountKey.Of("alice@Example.org")));
        Assert.Matches("^account-[0-9a-f]{64}$", AccountKey.PersistenceIdOf(AccountKey.Of("Ärger@Example.org")));
    }

    [Theory]
    [InlineData("alice@example.org")]
    [InlineData("a.b+tag@mail.example.co.uk")]
    [InlineData("Ärger@Example.org")]
    public void Accepts_plausible_emails(string email)
    {
        Assert.Null(AccountRules.EmailProblem(email));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("alice")]
    [InlineData("alice@")]
    [InlineData("@example.org")]
    [InlineData("alice@example")]
    [InlineData("alice@example.")]
    [InlineData("alice@.org")]
    [InlineData("alice@example..org")]
    [InlineData("alice@example.o")]
    [InlineData("al ice@example.org")]
    [InlineData("alice@exa\tmple.org")]
    [InlineData("a@b@example.org")]
    [InlineData("alice@example.org\n")]
    public void Refuses_implausible_emails(string? email)
    {
        Assert.NotNull(AccountRules.EmailProblem(email));
    }

    [Fact]
    public void Refuses_emails_over_254_characters()
    {
        var domain = "@example.org";
        Assert.Null(AccountRules.EmailProblem(new string('a', 254 - domain.Length) + domain));
        Assert.NotNull(AccountRules.EmailProblem(new string('a', 255 - domain.Length) + domain));
    }

    [Theory]
    [InlineData("12345678", true)]
    [InlineData("1234567", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("\U0001F600\U0001F600\U0001F600\U0001F600", false)]
    public void Passwords_need_eight_characters(string? password, bool accepted)
    {
        Assert.Equal(accepted, AccountRules.PasswordProblem(password) is null);
    }

    [Fact]
    public void Passwords_are_capped()
    {
        Assert.Null(AccountRules.PasswordProblem(new string('p', AccountRules.MaxPasswordLength)));
        Assert.NotNull(AccountRules.PasswordProblem(new string('p', AccountRules.MaxPasswordLength + 1)));
    }

    [Fact]
    public void A_composed_and_a_decomposed_password_are_the_same_password()
    {
        Assert.Equal(AccountRules.NormalizePassword("p\u00E4sswort"), AccountRules.NormalizePassword("pa\u0308sswort"));
    }
}
