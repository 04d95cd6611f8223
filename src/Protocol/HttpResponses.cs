namespace SlotBooking.Protocol;

/// <summary><c>GET /</c>.</summary>
public sealed record RootResponse(
    string Message,
    string WebsocketEndpoint,
    int ActiveConnections,
    IReadOnlyList<int> BookedSlots);

/// <summary>Slot counts plus where they are stored; nested in <c>/health</c> and <c>/stats</c>.</summary>
public sealed record DatabaseStats(
    int TotalSlots,
    int BookedSlots,
    int AvailableSlots,
    string DatabasePath);

/// <summary>
/// <c>GET /health</c>. <c>status</c> is "healthy", or with HTTP 503 "starting", "storage_unavailable" or "unresponsive".
/// <c>storage_problem</c> (an addition to the seed's shape) is the store's last error while storage is failing, else null.
/// <c>cluster</c> (an addition) is this node's membership; a node that is not Up reports "joining", "leaving" or
/// "not_in_cluster" unless the board's own state comes first.
/// </summary>
public sealed record HealthResponse(
    string Status,
    DateTimeOffset Timestamp,
    int ActiveConnections,
    int TotalSlots,
    int BookedSlotsCount,
    int AvailableSlotsCount,
    DatabaseStats Database,
    string? StorageProblem,
    ClusterStatus Cluster);

public sealed record WebSocketStats(int ActiveConnections);

public sealed record SlotCounts(int Total, int Booked, int Available);

/// <summary><c>GET /stats</c>; <c>cluster</c> is an addition to the seed's shape.</summary>
public sealed record StatsResponse(
    DatabaseStats Database,
    WebSocketStats Websocket,
    SlotCounts Slots,
    ClusterStatus Cluster);
