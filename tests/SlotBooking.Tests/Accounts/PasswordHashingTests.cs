using Microsoft.Extensions.Options;
using SlotBooking.Host.Auth;

namespace SlotBooking.Tests.Accounts;

/// <summary>Hashing and checking passwords outside the actors, with Identity's PasswordHasher.</summary>
public sealed class PasswordHashingTests : IDisposable
{
    private readonly PasswordHashing _passwords = new(Options.Create(new AuthOptions()));

    public void Dispose() => _passwords.Dispose();

    [Fact]
    public async Task A_hash_checks_its_password_only()
    {
        var hash = (await _passwords.HashAsync("the password", CancellationToken.None))!;

        Assert.DoesNotContain("the password", hash);
        Assert.True(await _passwords.VerifyAsync(hash, "the password", CancellationToken.None));
        Assert.False(await _passwords.VerifyAsync(hash, "the passworD", CancellationToken.None));
        Assert.NotEqual(hash, await _passwords.HashAsync("the password", CancellationToken.None));
    }

    [Fact]
    public async Task Without_a_hash_no_password_is_right()
    {
        Assert.False(await _passwords.VerifyAsync(null, "the password", CancellationToken.None));
        Assert.False(await _passwords.VerifyAsync(null, "", CancellationToken.None));
    }

    [Fact]
    public void Hash_concurrency_leaves_a_core_free_and_is_at_least_one()
    {
        Assert.Equal(Math.Max(1, Environment.ProcessorCount - 1), new AuthOptions().EffectiveHashConcurrency);
        Assert.Equal(3, new AuthOptions { HashConcurrency = 3 }.EffectiveHashConcurrency);
    }
}
