namespace SlotBooking.Host.Auth;

/// <summary>A token's <c>nbf</c>/<c>exp</c> judged at a given instant, with the usual clock skew allowed either side.</summary>
public static class TokenLifetime
{
    public static bool IsValid(DateTime? notBefore, DateTime? expires, DateTime nowUtc, TimeSpan skew) =>
        expires is { } exp && nowUtc - skew < exp && (notBefore is not { } nbf || nbf <= nowUtc + skew);
}
