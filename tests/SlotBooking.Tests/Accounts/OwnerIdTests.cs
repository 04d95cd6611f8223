using SlotBooking.Actors.Domain;
using SlotBooking.Host.Auth;
using SlotBooking.Protocol;

namespace SlotBooking.Tests.Accounts;

/// <summary>Owners are issuer and subject together, and the admin list names built-in accounts and provider subjects apart.</summary>
public sealed class OwnerIdTests
{
    private const string BuiltIn = "slotbooking";

    [Fact]
    public void A_built_in_owner_is_its_subject_as_journals_have_always_stored_it()
    {
        Assert.Equal("Alice@Example.org", OwnerId.Of(BuiltIn, "Alice@Example.org", BuiltIn));
        Assert.True(OwnerId.IsBuiltIn("Alice@Example.org"));
    }

    [Theory]
    [InlineData("https://idp.example", "alice@example.org", "https://idp.example alice@example.org")]
    [InlineData("issuer with space", "x", "issuer%20with%20space x")]
    [InlineData("50%", "x", "50%25 x")]
    public void A_providers_owner_is_its_escaped_issuer_a_space_and_its_subject(string issuer, string subject, string owner)
    {
        Assert.Equal(owner, OwnerId.Of(issuer, subject, BuiltIn));
        Assert.False(OwnerId.IsBuiltIn(owner));
        // Never a registrable email, so never a built-in account.
        Assert.NotNull(AccountRules.EmailProblem(owner));
    }

    [Fact]
    public void Two_issuer_and_subject_pairs_never_share_an_owner()
    {
        Assert.NotEqual(OwnerId.Of("a b", "c", BuiltIn), OwnerId.Of("a", "b c", BuiltIn));
        Assert.NotEqual(OwnerId.Of("a%20b", "c", BuiltIn), OwnerId.Of("a b", "c", BuiltIn));
    }

    [Fact]
    public void Plain_admin_entries_name_built_in_accounts_in_any_spelling_and_provider_entries_one_providers_subject()
    {
        var admins = new AdminList(["Admin@Example.com", "https://idp.example boss", " "], BuiltIn);

        Assert.True(admins.Includes(OwnerId.Of(BuiltIn, "admin@example.com", BuiltIn)));
        Assert.True(admins.Includes(OwnerId.Of(BuiltIn, "\uFF41dmin@example.com", BuiltIn)));
        Assert.False(admins.Includes(OwnerId.Of("https://idp.example", "admin@example.com", BuiltIn)));

        Assert.True(admins.Includes(OwnerId.Of("https://idp.example", "boss", BuiltIn)));
        Assert.False(admins.Includes(OwnerId.Of("https://elsewhere.example", "boss", BuiltIn)));
        Assert.False(admins.Includes(OwnerId.Of(BuiltIn, "boss", BuiltIn)));

        Assert.True(admins.NamesAccount("ADMIN@example.com"));
        Assert.False(admins.NamesAccount("boss"));
    }

    [Fact]
    public void An_entry_in_the_built_in_issuers_own_form_names_the_built_in_account()
    {
        var admins = new AdminList([$"{BuiltIn} root@example.org"], BuiltIn);
        Assert.True(admins.NamesAccount("root@example.org"));
        Assert.True(admins.Includes("root@example.org"));
    }
}
