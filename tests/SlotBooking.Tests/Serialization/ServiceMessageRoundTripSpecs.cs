using Microsoft.Extensions.Time.Testing;
using SlotBooking.Actors.Accounts;
using SlotBooking.Actors.Limits;
using SlotBooking.Actors.Owners;
using SlotBooking.Actors.Serialization;
using SlotBooking.Tests.Cluster;

namespace SlotBooking.Tests.Serialization;

/// <summary>
/// Every message of the accounts' and sign-in limits' regions, and the owned slots' changes on their topic, through the serializer the host configures, as it would
/// cross to another node: bound to <see cref="ServiceMessageSerializer"/> under its stable manifest, and read back equal.
/// </summary>
public sealed class ServiceMessageRoundTripSpecs : IDisposable
{
    private static readonly Account Ada = new("Ada@Example.org", "AQAAAAIAAYagAAAAE...hash", new DateTimeOffset(2026, 11, 26, 12, 0, 0, 123, TimeSpan.Zero));

    private readonly ServiceNode _node = ServiceNode.Start(null, new FakeTimeProvider());

    public void Dispose() => _node.Dispose();

    private object RoundTrip(object message, string manifest)
    {
        var serialization = _node.System.Serialization;
        var serializer = serialization.FindSerializerFor(message);
        Assert.IsType<ServiceMessageSerializer>(serializer);
        Assert.Equal(manifest, Akka.Serialization.Serialization.ManifestFor(serializer, message));
        var bytes = serializer.ToBinary(message);
        return serialization.Deserialize(bytes, serializer.Identifier, manifest);
    }

    public static TheoryData<object, string> Messages() => new()
    {
        { new RegisterAccount("Ärger@Example.org", "hash-1"), ServiceMessageSerializer.RegisterAccountV1 },
        { new ReplaceAccountPassword("op@example.org", "hash-2"), ServiceMessageSerializer.ReplaceAccountPasswordV1 },
        { new FindAccount("ÄRGER@EXAMPLE.ORG"), ServiceMessageSerializer.FindAccountV1 },
        { new FindAccount(""), ServiceMessageSerializer.FindAccountV1 },
        { new AccountCreated(Ada), ServiceMessageSerializer.AccountCreatedV1 },
        { new AccountAlreadyExists("Ada@Example.org"), ServiceMessageSerializer.AccountAlreadyExistsV1 },
        { new AccountPasswordChanged(Ada with { PasswordHash = "other" }), ServiceMessageSerializer.AccountPasswordChangedV1 },
        { new AccountLookup(Ada), ServiceMessageSerializer.AccountLookupV1 },
        { new AccountLookup(null), ServiceMessageSerializer.AccountLookupV1 },
        { StopAccount.Instance, ServiceMessageSerializer.StopAccountV1 },
        { new IsSignInRefused(SignInLimitKeys.OfAccount("ADA@EXAMPLE.ORG"), "2001:db8:1:2::/64"), ServiceMessageSerializer.IsSignInRefusedV1 },
        { new CountSignInFailure(SignInLimitKeys.OfAddress("203.0.113.7"), "203.0.113.7"), ServiceMessageSerializer.CountSignInFailureV1 },
        { new SignInVerdict(true), ServiceMessageSerializer.SignInVerdictV1 },
        { new SignInVerdict(false), ServiceMessageSerializer.SignInVerdictV1 },
        { SignInFailureCounted.Instance, ServiceMessageSerializer.SignInFailureCountedV1 },
        { StopSignInLimit.Instance, ServiceMessageSerializer.StopSignInLimitV1 },
        { new OwnedSlotChanged("https://idp.example.org alice", "slot-lab-2026-11-26-9", 4, "lab", new NodaTime.LocalDate(2026, 11, 26), 9,
            new DateTimeOffset(2026, 11, 25, 9, 30, 0, 123, TimeSpan.Zero)), ServiceMessageSerializer.OwnedSlotChangedV1 },
        { new OwnedSlotChanged("ada@example.org", "slot-3", 2, "default", null, 3, null), ServiceMessageSerializer.OwnedSlotChangedV1 },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void A_message_through_a_services_region_reads_back_equal(object message, string manifest) =>
        Assert.Equal(message, RoundTrip(message, manifest));

    [Fact]
    public void The_stored_shape_of_a_registration_is_stable()
    {
        var bytes = _node.System.Serialization.FindSerializerFor(new RegisterAccount("a@b.org", "h")).ToBinary(new RegisterAccount("a@b.org", "h"));
        Assert.Equal("""{"email":"a@b.org","password_hash":"h"}""", System.Text.Encoding.UTF8.GetString(bytes));
    }
}
