using System.Text.Json.Serialization;

namespace SlotBooking.Protocol;

/// <summary>Source-generated JSON for every wire and HTTP shape: snake_case names, ISO-8601 timestamps.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    Converters = [typeof(IsoTimestampConverter)])]
[JsonSerializable(typeof(ServerMessage))]
[JsonSerializable(typeof(SlotsData))]
[JsonSerializable(typeof(RootResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(StatsResponse))]
[JsonSerializable(typeof(CalendarsResponse))]
[JsonSerializable(typeof(CalendarInfo))]
[JsonSerializable(typeof(CreateCalendarRequest))]
[JsonSerializable(typeof(UpdateCalendarRequest))]
[JsonSerializable(typeof(BookedHourInfo))]
[JsonSerializable(typeof(CalendarSlotsResponse))]
[JsonSerializable(typeof(AvailabilityResponse))]
[JsonSerializable(typeof(SlotCommandBody))]
[JsonSerializable(typeof(SlotCommandResponse))]
[JsonSerializable(typeof(CalendarBookingsResponse))]
[JsonSerializable(typeof(AccountCredentials))]
[JsonSerializable(typeof(RegisterResponse))]
[JsonSerializable(typeof(LoginResponse))]
[JsonSerializable(typeof(MeResponse))]
[JsonSerializable(typeof(MyBookingsResponse))]
public sealed partial class ProtocolJsonContext : JsonSerializerContext;
