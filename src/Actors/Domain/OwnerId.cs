namespace SlotBooking.Actors.Domain;

/// <summary>
/// Who a booking belongs to, as one string: the issuer of a token and its subject together, so that a provider's
/// subject can never act as a built-in account of the same name, nor the reverse. Made here and nowhere else.
/// <list type="bullet">
/// <item>A built-in account (a token from this server's own issuer) is its email, as journals have always stored owners:
/// journals written before owners had issuers read as built-in accounts, with no rewrite.</item>
/// <item>Any other issuer's subject is <c>{issuer} {subject}</c>, the issuer with <c>%</c> and spaces escaped
/// (<c>%25</c>, <c>%20</c>) so the first space ends it. A space is never in an email, so this form never equals a
/// built-in owner, and two issuer and subject pairs never share one.</item>
/// </list>
/// </summary>
public static class OwnerId
{
    /// <summary>The owner key of <paramref name="subject"/> as named by <paramref name="issuer"/>.</summary>
    public static string Of(string issuer, string subject, string builtInIssuer) =>
        issuer == builtInIssuer ? subject : $"{EscapeIssuer(issuer)} {subject}";

    /// <summary>
    /// True for a built-in account's key (no space), false for a provider's. Note that only keys built by
    /// <see cref="Of"/> are meaningful here.
    /// </summary>
    public static bool IsBuiltIn(string owner) => !owner.Contains(' ');

    private static string EscapeIssuer(string issuer) => issuer.Replace("%", "%25").Replace(" ", "%20");
}
