using System.Text.Json.Serialization;
using SlotBooking.Client.Fanout;
using SlotBooking.Client.Load;
using SlotBooking.Client.Seeding;
using SlotBooking.Client.Storage;

namespace SlotBooking.Client.Output;

/// <summary>The <c>--json</c> shapes: snake_case, one object per run, for scripts such as bench/run.sh.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(LoadResult))]
[JsonSerializable(typeof(FanoutResult))]
[JsonSerializable(typeof(SeedResult))]
[JsonSerializable(typeof(StorageLimitResult))]
public sealed partial class ClientJsonContext : JsonSerializerContext;
