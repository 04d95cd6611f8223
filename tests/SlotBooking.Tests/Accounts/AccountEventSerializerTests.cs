using System.Text;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using SlotBooking.Actors.Accounts;
using SlotBooking.Actors.Serialization;

namespace SlotBooking.Tests.Accounts;

/// <summary>The stored shape of account events: a versioned manifest and snake_case JSON, read back unchanged.</summary>
public sealed class AccountEventSerializerTests : TestKit
{
    private readonly AccountEventSerializer _serializer;

    public AccountEventSerializerTests() => _serializer = new AccountEventSerializer((ExtendedActorSystem)Sys);

    private static readonly AccountRegistered Registered =
        new("Ärger@Example.org", "AQAAAAIAAYagAAAAEHash", new DateTimeOffset(2026, 11, 26, 12, 30, 15, 123, TimeSpan.Zero));

    [Fact]
    public void Round_trips_account_registered_v1()
    {
        Assert.Equal(4202, _serializer.Identifier);
        Assert.Equal("account-registered/v1", _serializer.Manifest(Registered));
        var bytes = _serializer.ToBinary(Registered);
        Assert.Equal(Registered, _serializer.FromBinary(bytes, "account-registered/v1"));
    }

    [Fact]
    public void Reads_the_v1_shape_as_it_is_stored()
    {
        // The journal outlives this code: this is the v1 payload, and it must always read back.
        const string stored = """{"email":"\u00C4rger@Example.org","password_hash":"AQAAAAIAAYagAAAAEHash","created_at":"2026-11-26T12:30:15.123+00:00"}""";
        Assert.Equal(Registered, _serializer.FromBinary(Encoding.UTF8.GetBytes(stored), "account-registered/v1"));

        var written = Encoding.UTF8.GetString(_serializer.ToBinary(Registered));
        Assert.Contains("\"password_hash\":\"AQAAAAIAAYagAAAAEHash\"", written);
        Assert.Contains("\"created_at\":\"2026-11-26T12:30:15.123+00:00\"", written);
    }

    [Fact]
    public void Reads_the_password_replaced_v1_shape_as_it_is_stored()
    {
        var replaced = new AccountPasswordReplaced("AQAAAAIAAYagAAAAENew", new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal("account-password-replaced/v1", _serializer.Manifest(replaced));
        const string stored = """{"password_hash":"AQAAAAIAAYagAAAAENew","replaced_at":"2026-12-03T09:00:00+00:00"}""";
        Assert.Equal(replaced, _serializer.FromBinary(Encoding.UTF8.GetBytes(stored), "account-password-replaced/v1"));
        Assert.Equal(stored, Encoding.UTF8.GetString(_serializer.ToBinary(replaced)));
        Assert.DoesNotContain("AQAAAAIAAYagAAAAENew", replaced.ToString());
        Assert.DoesNotContain("AQAAAAIAAYagAAAAENew", new ReplaceAccountPassword("a@example.org", "AQAAAAIAAYagAAAAENew").ToString());
    }

    [Fact]
    public void Text_forms_for_logs_and_dead_letters_leave_the_hash_out()
    {
        var texts = new object[]
        {
            Registered,
            new RegisterAccount(Registered.Email, Registered.PasswordHash),
            new Account(Registered.Email, Registered.PasswordHash, Registered.CreatedAt),
            new AccountCreated(new Account(Registered.Email, Registered.PasswordHash, Registered.CreatedAt)),
        }.Select(o => o.ToString()!);

        Assert.All(texts, text =>
        {
            Assert.Contains(Registered.Email, text);
            Assert.DoesNotContain(Registered.PasswordHash, text);
        });
    }

    [Fact]
    public void Refuses_an_unknown_manifest()
    {
        Assert.Throws<System.Runtime.Serialization.SerializationException>(() => _serializer.FromBinary("{}"u8.ToArray(), "account-registered/v9"));
    }

    [Fact]
    public void The_actor_system_binds_account_events_to_it_in_the_host()
    {
        // The binding lives in the host's persistence setup; PersistentSystem uses that setup.
        using var database = new TestSupport.TempDatabase();
        using var system = Actors.PersistentSystem.Start(database.Path);
        var serializer = system.System.Serialization.FindSerializerFor(Registered);
        Assert.IsType<AccountEventSerializer>(serializer);
    }
}
