using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Sessions;

namespace SlotBooking.Tests.Sessions;

/// <summary>Which identity a connection's command carries, and that each token is validated once per connection.</summary>
public sealed class SessionIdentityTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly Requester Alice = Requester.SignedIn("alice");

    private sealed class CountingValidator(Func<string, TokenCheck> verdict) : ITokenValidator
    {
        public int Calls { get; private set; }

        public ValueTask<TokenCheck> ValidateAsync(string token)
        {
            Calls++;
            return ValueTask.FromResult(verdict(token));
        }
    }

    [Fact]
    public void An_anonymous_connection_without_a_token_is_anonymous()
    {
        Assert.Same(Requester.Anonymous, new SessionIdentity(null, null).Resolve(null, Now).Requester);
    }

    [Fact]
    public void A_signed_in_connection_is_its_subject_until_its_token_expires_then_refused()
    {
        var identity = new SessionIdentity(new TokenCheck(Alice, Now.AddMinutes(5)), null);
        Assert.Equal(Alice, identity.Resolve(null, Now).Requester);
        var expired = identity.Resolve(null, Now.AddMinutes(5));
        Assert.Null(expired.Requester);
        Assert.Null(expired.Pending);
    }

    [Fact]
    public void A_message_token_is_validated_once_and_its_expiry_judged_at_each_use()
    {
        var validator = new CountingValidator(t => t == "good" ? new TokenCheck(Alice, Now.AddMinutes(1)) : TokenCheck.Invalid);
        var identity = new SessionIdentity(null, validator);

        for (var i = 0; i < 5; i++) Assert.Equal(Alice, identity.Resolve("good", Now).Requester);
        Assert.Equal(1, validator.Calls);
        Assert.Null(identity.Resolve("good", Now.AddMinutes(2)).Requester);

        Assert.Null(identity.Resolve("forged", Now).Requester);
        Assert.Null(identity.Resolve("forged", Now).Requester);
        Assert.Equal(2, validator.Calls);
    }

    [Fact]
    public void A_message_token_stands_for_that_message_even_on_a_signed_in_connection()
    {
        var validator = new CountingValidator(_ => TokenCheck.Invalid);
        var identity = new SessionIdentity(new TokenCheck(Alice, Now.AddHours(1)), validator);
        Assert.Null(identity.Resolve("bad", Now).Requester);
        Assert.Equal(Alice, identity.Resolve(null, Now).Requester);
    }

    [Fact]
    public void Without_a_validator_every_message_token_is_refused()
    {
        Assert.Null(new SessionIdentity(null, null).Resolve("anything", Now).Requester);
    }
}
