using System.ComponentModel.DataAnnotations;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Board;
using SlotBooking.Protocol;

namespace SlotBooking.Host.Configuration;

/// <summary>The <c>SlotBooking</c> configuration section (appsettings.json, <c>--SlotBooking:Key=value</c>, <c>SlotBooking__Key</c>).</summary>
public sealed class SlotBookingOptions
{
    public const string Section = "SlotBooking";

    /// <summary>
    /// The SQLite file (when <c>SlotBooking:Storage:Provider</c> is Sqlite, the default); relative paths are resolved against
    /// the working directory. Folder and file are created on first run.
    /// </summary>
    [Required]
    public string DatabasePath { get; set; } = "data/slotbooking.db";

    [Range(0, 23)]
    public int FirstSlot { get; set; } = 3;

    [Range(0, 23)]
    public int LastSlot { get; set; } = 14;

    /// <summary>SQLite's <c>synchronous</c>: Full survives power loss; Normal (with WAL) survives process crashes and is faster.</summary>
    public SqliteSynchronous Synchronous { get; set; } = SqliteSynchronous.Full;

    /// <summary>How long a writer waits for SQLite's lock before failing.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often the storage probe saves a tiny snapshot to check that storage works (health reflects it even when nobody
    /// books); after a failure it tries again sooner, with a back-off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan StorageProbeInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The shortest time between two broadcast slots_updates: a change goes out at once if none did within this
    /// time, else the newest state goes out when it ends. Bounds broadcast work under load; zero sends every change.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan BroadcastInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>A slot snapshots its state after this many events, bounding what recovery replays.</summary>
    [Range(1, 1_000_000)]
    public int SnapshotEvery { get; set; } = 500;

    /// <summary>A slot actor idle this long is stopped; it recovers on its next command.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SlotIdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an HTTP route waits for an actor's answer.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan AskTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many days before today (in a calendar's zone) its slots may be read: <c>get_slots</c>, <c>watch</c>, the
    /// <c>?date=</c> of a connection and the HTTP reads take dates from today minus this to today plus the calendar's
    /// horizon; a date outside gets an error naming the field (400 over HTTP). Bookings keep the booking window.
    /// </summary>
    [Range(0, Actors.Calendars.ReadableDates.MaxLookBackDays)]
    public int ReadLookBackDays { get; set; } = Actors.Calendars.ReadableDates.DefaultLookBackDays;

    /// <summary>
    /// The most day boards (one per calendar date in use) alive at once on this node; starting one more asks the
    /// longest-lived to passivate (<see cref="LiveDayBoards"/>). A read of a day nobody booked starts its board (one
    /// empty stream replayed) but no slot.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxLiveDays { get; set; } = LiveDayBoards.DefaultMaxLiveDays;

    /// <summary>A client frame larger than this is refused and the socket closed with 1009.</summary>
    [Range(128, 16 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>Answers queued for a client that does not read; beyond this it is disconnected with 1008.</summary>
    [Range(1, 100_000)]
    public int MaxQueuedResponses { get; set; } = 256;

    /// <summary>A client whose pending send has not completed for this long has stopped reading: it is dropped.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A command its slot has not answered after this long is answered "not confirmed".</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>On shutdown, how long sessions wait for in-flight commands before closing with 1001.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>WebSocket pings are sent this often; a peer that does not answer within <see cref="KeepAliveTimeout"/> is dropped.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(20);

    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How many boards (the default one, or days of dated calendars) one connection may watch at once.</summary>
    [Range(1, 10_000)]
    public int MaxWatchedBoards { get; set; } = 64;

    /// <summary>Open WebSocket connections beyond this are refused with 503.</summary>
    [Range(1, 1_000_000)]
    public int MaxConnections { get; set; } = 20_000;

    /// <summary>Per-connection token bucket for client frames: sustained rate and burst. Excess frames get "rate limit exceeded".</summary>
    [Range(1, 1_000_000)]
    public int MessagesPerSecond { get; set; } = 1_000;

    [Range(1, 1_000_000)]
    public int MessageBurst { get; set; } = 2_000;

    /// <summary>Per-client-address token bucket for the HTTP routes; excess requests get 429.</summary>
    [Range(1, 1_000_000)]
    public int HttpRequestsPerSecond { get; set; } = 100;

    [Range(1, 1_000_000)]
    public int HttpRequestBurst { get; set; } = 200;

    /// <summary>
    /// WebSocket upgrades (connection attempts) allowed per client address per minute; a minute's worth may come at
    /// once, and the allowance refills steadily (one every 60/n seconds). More get 429 with Retry-After.
    /// High by default: one address may be a proxy or a NAT for many people.
    /// </summary>
    [Range(1, 100_000_000)]
    public int UpgradesPerMinute { get; set; } = 600;

    /// <summary>
    /// Origins allowed by CORS, and of WebSocket upgrades that send an <c>Origin</c> (browsers do; an upgrade naming
    /// another origin gets 403, one without is a non-browser client and is let in); empty or "*" allows all, as the seed does. Empty by default because the configuration
    /// binder appends configured items to a non-empty default array (a default "*" would allow every origin).
    /// </summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>
    /// Admins, besides tokens with the role <c>admin</c>: a plain entry is a built-in account's email (which then cannot be
    /// registered through <c>/auth/register</c>; the operator makes it with <c>accounts add</c>), an entry
    /// <c>{issuer} {subject}</c> is one identity provider's subject (see <see cref="Auth.AdminList"/>).
    /// </summary>
    public string[] Admins { get; set; } = [];

    public ReadableDates ReadableDates() => new(ReadLookBackDays);

    public bool AllowsAnyOrigin => CorsOrigins.Length == 0 || CorsOrigins.Contains("*");

    public string DatabaseFullPath => Path.GetFullPath(DatabasePath);
}
