using SlotBooking.Host.Configuration;

namespace SlotBooking.Host.WebSockets;

/// <summary>
/// Which WebSocket upgrades may come from which page. Browsers send the page's <c>Origin</c> with every upgrade and
/// apply no CORS to WebSockets, so the server must check it: with <c>SlotBooking:CorsOrigins</c> configured, an upgrade
/// naming another origin is refused. One without <c>Origin</c> is not from a browser page (a script or a service) and
/// is let in, as is the server's own page (<c>/ui</c>: an origin naming the host the upgrade was sent to).
/// With no origins configured (or "*"), every origin is let in, as before.
/// </summary>
public static class UpgradeOrigin
{
    public static bool IsAllowed(HttpRequest request, SlotBookingOptions options)
    {
        if (options.AllowsAnyOrigin) return true;
        var origins = request.Headers.Origin;
        if (origins.Count == 0) return true;
        if (origins is not [{ } origin]) return false;
        if (options.CorsOrigins.Contains(origin.TrimEnd('/'), StringComparer.OrdinalIgnoreCase)) return true;
        return Uri.TryCreate(origin, UriKind.Absolute, out var page) && (page.Scheme == Uri.UriSchemeHttp || page.Scheme == Uri.UriSchemeHttps)
               && string.Equals(page.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
