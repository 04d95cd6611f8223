using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Akka.Actor;
using Akka.Serialization;
using SlotBooking.Actors.Accounts;
using SlotBooking.Actors.Limits;
using SlotBooking.Actors.Owners;
using NodaTime;
using NodaTime.Text;

namespace SlotBooking.Actors.Serialization;

/// <summary>
/// The messages of the cluster-wide services: the sharded entities' (accounts, sign-in failure limits) and their
/// answers, and the owned slots' changes relayed to every node's owners' index (<see cref="OwnedSlotsTopic"/>), as JSON under stable, versioned manifests, as <see cref="ShardMessageSerializer"/> does for boards and
/// slots: a manifest is never reused for another shape; a changed shape gets a new "/v2" manifest and the old one keeps
/// being read. A password hash crosses between nodes inside the cluster (as it is stored in the journal); a password never does.
/// </summary>
public sealed class ServiceMessageSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    public const int Id = 4_210;

    public const string RegisterAccountV1 = "register-account/v1";
    public const string ReplaceAccountPasswordV1 = "replace-account-password/v1";
    public const string FindAccountV1 = "find-account/v1";
    public const string AccountCreatedV1 = "account-created/v1";
    public const string AccountAlreadyExistsV1 = "account-already-exists/v1";
    public const string AccountPasswordChangedV1 = "account-password-changed/v1";
    public const string AccountLookupV1 = "account-lookup/v1";
    public const string StopAccountV1 = "stop-account/v1";
    public const string IsSignInRefusedV1 = "is-sign-in-refused/v1";
    public const string CountSignInFailureV1 = "count-sign-in-failure/v1";
    public const string SignInVerdictV1 = "sign-in-verdict/v1";
    public const string SignInFailureCountedV1 = "sign-in-failure-counted/v1";
    public const string StopSignInLimitV1 = "stop-sign-in-limit/v1";
    public const string OwnedSlotChangedV1 = "owned-slot-changed/v1";

    /// <summary>The types bound to this serializer; the host binds them where it wires the services' regions.</summary>
    public static readonly IReadOnlyList<Type> BoundTypes =
    [
        typeof(RegisterAccount), typeof(ReplaceAccountPassword), typeof(FindAccount), typeof(AccountCreated), typeof(AccountAlreadyExists),
        typeof(AccountPasswordChanged), typeof(AccountLookup), typeof(StopAccount),
        typeof(IsSignInRefused), typeof(CountSignInFailure), typeof(SignInVerdict), typeof(SignInFailureCounted), typeof(StopSignInLimit),
        typeof(OwnedSlotChanged),
    ];

    public override int Identifier => Id;

    public override string Manifest(object o) => o switch
    {
        RegisterAccount => RegisterAccountV1,
        ReplaceAccountPassword => ReplaceAccountPasswordV1,
        FindAccount => FindAccountV1,
        AccountCreated => AccountCreatedV1,
        AccountAlreadyExists => AccountAlreadyExistsV1,
        AccountPasswordChanged => AccountPasswordChangedV1,
        AccountLookup => AccountLookupV1,
        StopAccount => StopAccountV1,
        IsSignInRefused => IsSignInRefusedV1,
        CountSignInFailure => CountSignInFailureV1,
        SignInVerdict => SignInVerdictV1,
        SignInFailureCounted => SignInFailureCountedV1,
        StopSignInLimit => StopSignInLimitV1,
        OwnedSlotChanged => OwnedSlotChangedV1,
        _ => throw new ArgumentException($"Cannot serialize {o.GetType()}", nameof(o)),
    };

    public override byte[] ToBinary(object obj) => obj switch
    {
        RegisterAccount m => Json(m, ServiceJsonContext.Default.RegisterAccount),
        ReplaceAccountPassword m => Json(m, ServiceJsonContext.Default.ReplaceAccountPassword),
        FindAccount m => Json(m, ServiceJsonContext.Default.FindAccount),
        AccountCreated m => Json(m, ServiceJsonContext.Default.AccountCreated),
        AccountAlreadyExists m => Json(m, ServiceJsonContext.Default.AccountAlreadyExists),
        AccountPasswordChanged m => Json(m, ServiceJsonContext.Default.AccountPasswordChanged),
        AccountLookup m => Json(m, ServiceJsonContext.Default.AccountLookup),
        IsSignInRefused m => Json(m, ServiceJsonContext.Default.IsSignInRefused),
        CountSignInFailure m => Json(m, ServiceJsonContext.Default.CountSignInFailure),
        SignInVerdict m => Json(m, ServiceJsonContext.Default.SignInVerdict),
        OwnedSlotChanged m => Json(WireOwnedSlotChanged.Of(m), ServiceJsonContext.Default.WireOwnedSlotChanged),
        // Messages without fields: the manifest says it all.
        StopAccount or SignInFailureCounted or StopSignInLimit => [],
        _ => throw new ArgumentException($"Cannot serialize {obj.GetType()}", nameof(obj)),
    };

    public override object FromBinary(byte[] bytes, string manifest) => manifest switch
    {
        RegisterAccountV1 => Read(bytes, manifest, ServiceJsonContext.Default.RegisterAccount),
        ReplaceAccountPasswordV1 => Read(bytes, manifest, ServiceJsonContext.Default.ReplaceAccountPassword),
        FindAccountV1 => Read(bytes, manifest, ServiceJsonContext.Default.FindAccount),
        AccountCreatedV1 => Read(bytes, manifest, ServiceJsonContext.Default.AccountCreated),
        AccountAlreadyExistsV1 => Read(bytes, manifest, ServiceJsonContext.Default.AccountAlreadyExists),
        AccountPasswordChangedV1 => Read(bytes, manifest, ServiceJsonContext.Default.AccountPasswordChanged),
        AccountLookupV1 => Read(bytes, manifest, ServiceJsonContext.Default.AccountLookup),
        IsSignInRefusedV1 => Read(bytes, manifest, ServiceJsonContext.Default.IsSignInRefused),
        CountSignInFailureV1 => Read(bytes, manifest, ServiceJsonContext.Default.CountSignInFailure),
        SignInVerdictV1 => Read(bytes, manifest, ServiceJsonContext.Default.SignInVerdict),
        OwnedSlotChangedV1 => Read(bytes, manifest, ServiceJsonContext.Default.WireOwnedSlotChanged).ToChange(),
        StopAccountV1 => StopAccount.Instance,
        SignInFailureCountedV1 => SignInFailureCounted.Instance,
        StopSignInLimitV1 => StopSignInLimit.Instance,
        _ => throw new SerializationException($"Unknown service message manifest '{manifest}'"),
    };

    private static byte[] Json<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);

    private static T Read<T>(byte[] bytes, string manifest, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(bytes, type) ?? throw new SerializationException($"'{manifest}' payload was null");
}

/// <summary>An <see cref="OwnedSlotChanged"/> on the wire: its date as ISO text (YYYY-MM-DD), absent for an undated slot.</summary>
internal sealed record WireOwnedSlotChanged(
    string Owner, string PersistenceId, long SequenceNr, string CalendarId, string? Date, int SlotId, DateTimeOffset? BookedAt)
{
    public static WireOwnedSlotChanged Of(OwnedSlotChanged c) =>
        new(c.Owner, c.PersistenceId, c.SequenceNr, c.CalendarId, c.Date is { } d ? LocalDatePattern.Iso.Format(d) : null, c.SlotId, c.BookedAt);

    public OwnedSlotChanged ToChange() =>
        new(Owner, PersistenceId, SequenceNr, CalendarId, Date is { } d ? LocalDatePattern.Iso.Parse(d).GetValueOrThrow() : (LocalDate?)null, SlotId, BookedAt);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RegisterAccount))]
[JsonSerializable(typeof(ReplaceAccountPassword))]
[JsonSerializable(typeof(FindAccount))]
[JsonSerializable(typeof(AccountCreated))]
[JsonSerializable(typeof(AccountAlreadyExists))]
[JsonSerializable(typeof(AccountPasswordChanged))]
[JsonSerializable(typeof(AccountLookup))]
[JsonSerializable(typeof(IsSignInRefused))]
[JsonSerializable(typeof(CountSignInFailure))]
[JsonSerializable(typeof(SignInVerdict))]
[JsonSerializable(typeof(WireOwnedSlotChanged))]
internal sealed partial class ServiceJsonContext : JsonSerializerContext;
