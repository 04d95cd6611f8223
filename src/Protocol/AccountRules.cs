using System.Text;

namespace SlotBooking.Protocol;

/// <summary>
/// What an account's email and password must be, and the one key an email is known by. Emails are compared in
/// Unicode NFKC (the platform's, ICU), upper-cased with the invariant culture (as ASP.NET Core Identity's
/// UpperInvariantLookupNormalizer does), so "ÄLICE@Example.org", "älice@example.org", "A\u0308lice@example.org" and the
/// full-width "ÄＬＩＣＥ@example.org" are one account. Look-alikes from other scripts (a Cyrillic "а" for a Latin "a")
/// are not folded. The email is stored and shown as it was first registered.
/// </summary>
public static class AccountRules
{
    public const int MaxEmailLength = 254;
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 1024;

    /// <summary>
    /// The key of an email: NFKC, then invariant upper case (NFKC again, as casing can uncompose). Text that is not
    /// valid UTF-16 is left as it is (it can never be a registered email).
    /// </summary>
    public static string NormalizeEmail(string email) =>
        Normalize(Normalize(email, NormalizationForm.FormKC).ToUpperInvariant(), NormalizationForm.FormKC);

    /// <summary>
    /// A password as it is hashed and checked: in NFC, so a composed and a decomposed "ä" are the same password.
    /// NFC, not NFKC, so that the hashes stored before NFKC emails still match.
    /// </summary>
    public static string NormalizePassword(string password) => Normalize(password, NormalizationForm.FormC);

    /// <summary>Whether <paramref name="text"/> is well-formed UTF-16 (no lone surrogates).</summary>
    public static bool IsValidUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (!char.IsSurrogatePair(text, i)) return false;
            i++;
        }
        return true;
    }

    /// <summary>Why <paramref name="email"/> cannot be an account's email (local@domain.tld, at most 254 characters, no spaces), or null.</summary>
    public static string? EmailProblem(string? email)
    {
        if (string.IsNullOrEmpty(email)) return "email is required";
        if (email.Length > MaxEmailLength) return $"email must be at most {MaxEmailLength} characters";
        if (!IsValidUtf16(email)) return "email is not valid text";
        foreach (var rune in email.EnumerateRunes())
        {
            if (System.Text.Rune.IsWhiteSpace(rune) || System.Text.Rune.IsControl(rune)) return "email must not contain spaces or control characters";
        }
        var at = email.IndexOf('@');
        if (at <= 0 || at != email.LastIndexOf('@')) return "email must look like name@example.org";
        var labels = email[(at + 1)..].Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length == 0) || labels[^1].Length < 2) return "email must look like name@example.org";
        return null;
    }

    /// <summary>Why <paramref name="password"/> cannot be a password (8 to 1024 characters), or null.</summary>
    public static string? PasswordProblem(string? password)
    {
        if (string.IsNullOrEmpty(password)) return "password is required";
        if (password.Length > MaxPasswordLength) return $"password must be at most {MaxPasswordLength} characters";
        if (!IsValidUtf16(password)) return "password is not valid text";
        if (password.EnumerateRunes().Count() < MinPasswordLength) return $"password must be at least {MinPasswordLength} characters";
        return null;
    }

    /// <summary>The platform's normalization; <see cref="string.Normalize(NormalizationForm)"/> throws on invalid UTF-16, which is kept as it is.</summary>
    private static string Normalize(string text, NormalizationForm form) =>
        !IsValidUtf16(text) || text.IsNormalized(form) ? text : text.Normalize(form);
}
