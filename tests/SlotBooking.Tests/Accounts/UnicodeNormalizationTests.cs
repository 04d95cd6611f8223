using System.Globalization;
using System.Text;
using SlotBooking.Actors.Accounts;
using SlotBooking.Protocol;

namespace SlotBooking.Tests.Accounts;

/// <summary>
/// The platform's Unicode normalization (ICU: the projects run with InvariantGlobalization off) as the accounts use
/// it, against the NFC vectors Python's unicodedata wrote (Unicode 14; NFC is stable across versions), and the NFKC
/// folding of emails.
/// </summary>
public sealed class UnicodeNormalizationTests
{
    private static readonly IReadOnlyList<(string Input, string Expected)> Vectors = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "nfc-vectors.txt"))
        .Where(line => !line.StartsWith('#') && line.Length > 0)
        .Select(line => line.Split(';'))
        .Select(parts => (Decode(parts[0]), Decode(parts[1])))
        .ToArray();

    private static string Decode(string hexes) =>
        string.Concat(hexes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(h => char.ConvertFromUtf32(int.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture))));

    private static string Hex(string s) => string.Join(' ', s.EnumerateRunes().Select(r => r.Value.ToString("X4", CultureInfo.InvariantCulture)));

    [Fact]
    public void The_runtime_normalizes_so_invariant_mode_is_off()
    {
        // Under InvariantGlobalization, Normalize composes nothing beyond ASCII and this fails.
        Assert.Equal("\u00C4", "A\u0308".Normalize(NormalizationForm.FormC));
        Assert.Equal("\u00C4", AccountRules.NormalizePassword("A\u0308"));
    }

    [Fact]
    public void Passwords_agree_with_the_unicode_database_on_every_nfc_vector()
    {
        Assert.True(Vectors.Count > 5_000, $"only {Vectors.Count} vectors");
        var wrong = Vectors.Where(v => AccountRules.NormalizePassword(v.Input) != v.Expected)
            .Select(v => $"{Hex(v.Input)} -> {Hex(AccountRules.NormalizePassword(v.Input))}, expected {Hex(v.Expected)}")
            .Take(10).ToArray();
        Assert.Empty(wrong);
    }

    [Fact]
    public void Is_idempotent()
    {
        Assert.All(Vectors, v => Assert.Equal(v.Expected, AccountRules.NormalizePassword(v.Expected)));
    }

    [Theory]
    [InlineData("plain@example.org")]
    [InlineData("")]
    [InlineData("\uD800lone")]
    public void Leaves_ascii_empty_and_invalid_text_as_it_is(string text)
    {
        Assert.Same(text, AccountRules.NormalizePassword(text));
        Assert.Equal(text.ToUpperInvariant(), AccountRules.NormalizeEmail(text));
    }

    [Fact]
    public void Composes_a_starter_that_joins_the_starter_before_it()
    {
        // Kannada U+0CBF + U+0CD5 -> U+0CC0: both are starters, so a check for combining marks alone would miss it.
        Assert.Equal("\u0CC0", AccountRules.NormalizePassword("\u0CBF\u0CD5"));
        Assert.Equal("\uAC01", AccountRules.NormalizePassword("\u1100\u1161\u11A8"));
    }

    [Theory]
    [InlineData("\uFF41dmin@example.com")]           // full-width a
    [InlineData("\uFF21\uFF24\uFF2D\uFF29\uFF2E@\uFF45xample.com")] // full-width ADMIN, e
    [InlineData("admin@example\uFF0Ecom")]           // full-width full stop
    [InlineData("\u1D43dmin@example.com")]           // modifier letter small a
    public void Compatibility_look_alikes_of_an_email_are_the_same_account(string lookAlike)
    {
        Assert.Equal(AccountKey.Of("admin@example.com"), AccountKey.Of(lookAlike));
    }

    [Fact]
    public void Another_scripts_look_alike_is_not_caught()
    {
        // Cyrillic U+0430 looks like Latin "a" but is another letter: NFKC keeps it (see the README).
        Assert.NotEqual(AccountKey.Of("admin@example.com"), AccountKey.Of("\u0430dmin@example.com"));
    }

    [Fact]
    public void Passwords_keep_compatibility_characters()
    {
        // NFC only: a password of full-width letters stays its own, so hashes made before NFKC emails still match.
        Assert.NotEqual(AccountRules.NormalizePassword("password"), AccountRules.NormalizePassword("\uFF50assword"));
    }
}
