namespace SlotBooking.Host.Auth;

/// <summary>
/// A token's <c>nbf</c>/<c>exp</c> judged at a given instant, with one clock skew allowed either side on every path:
/// the HTTP routes, the WebSocket upgrade and a WebSocket message's token.
/// </summary>
public static class TokenLifetime
{
    /// <summary>
    /// How far the issuer's clock and ours may differ: 30 seconds (ASP.NET Core's default of 5 minutes would keep a
    /// token usable for 5 minutes after it expired).
    /// </summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public static bool IsValid(DateTime? notBefore, DateTime? expires, DateTime nowUtc, TimeSpan skew) =>
        expires is { } exp && nowUtc - skew < exp && (notBefore is not { } nbf || nbf <= nowUtc + skew);

    /// <summary>Until when a token that expires at <paramref name="expires"/> is accepted: its expiry plus the skew, as <see cref="IsValid"/> judges.</summary>
    public static DateTimeOffset AcceptedUntil(DateTimeOffset expires) =>
        expires >= DateTimeOffset.MaxValue - ClockSkew ? DateTimeOffset.MaxValue : expires + ClockSkew;
}
