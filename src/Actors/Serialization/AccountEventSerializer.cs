using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;
using Akka.Serialization;
using SlotBooking.Actors.Accounts;

namespace SlotBooking.Actors.Serialization;

/// <summary>
/// Stores account events as JSON under stable, versioned manifests, as <see cref="SlotEventSerializer"/> does for
/// slots: a manifest is never reused for another shape; a changed shape gets a new "/v2" manifest and the old one
/// keeps being read. The stored password hash is the host's <c>PasswordHasher</c> output; a password is never stored.
/// </summary>
public sealed class AccountEventSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    public const int Id = 4_202;

    public const string AccountRegisteredV1 = "account-registered/v1";
    public const string AccountPasswordReplacedV1 = "account-password-replaced/v1";

    /// <summary>The types bound to this serializer; the host binds them in its persistence setup.</summary>
    public static readonly IReadOnlyList<Type> BoundTypes = [typeof(IAccountEvent)];

    public override int Identifier => Id;

    public override string Manifest(object o) => o switch
    {
        AccountRegistered => AccountRegisteredV1,
        AccountPasswordReplaced => AccountPasswordReplacedV1,
        _ => throw new ArgumentException($"Cannot serialize {o.GetType()}", nameof(o)),
    };

    public override byte[] ToBinary(object obj) => obj switch
    {
        AccountRegistered e => JsonSerializer.SerializeToUtf8Bytes(e, AccountJsonContext.Default.AccountRegistered),
        AccountPasswordReplaced e => JsonSerializer.SerializeToUtf8Bytes(e, AccountJsonContext.Default.AccountPasswordReplaced),
        _ => throw new ArgumentException($"Cannot serialize {obj.GetType()}", nameof(obj)),
    };

    public override object FromBinary(byte[] bytes, string manifest) => manifest switch
    {
        AccountRegisteredV1 => Required(JsonSerializer.Deserialize(bytes, AccountJsonContext.Default.AccountRegistered), manifest),
        AccountPasswordReplacedV1 => Required(JsonSerializer.Deserialize(bytes, AccountJsonContext.Default.AccountPasswordReplaced), manifest),
        _ => throw new SerializationException($"Unknown account event manifest '{manifest}'"),
    };

    private static object Required(object? value, string manifest) =>
        value ?? throw new SerializationException($"Stored '{manifest}' payload was null");
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(AccountRegistered))]
[JsonSerializable(typeof(AccountPasswordReplaced))]
internal sealed partial class AccountJsonContext : JsonSerializerContext;
