using System.Globalization;
using System.Text;
using SlotBooking.Protocol;

namespace SlotBooking.Tests.Accounts;

/// <summary>
/// Our NFC (the service runs with InvariantGlobalization, where string.Normalize composes nothing beyond ASCII)
/// against the vectors Python's unicodedata wrote for it.
/// </summary>
public sealed class UnicodeNfcTests
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
    public void The_runtime_here_does_not_normalize_so_our_own_is_needed()
    {
        // If this fails, the runtime normalizes after all (InvariantGlobalization off?): UnicodeNfc could then go.
        Assert.Equal("A\u0308", "A\u0308".Normalize(NormalizationForm.FormC));
        Assert.Equal("\u00C4", UnicodeNfc.Normalize("A\u0308"));
    }

    [Fact]
    public void Agrees_with_the_unicode_database_on_every_vector()
    {
        Assert.True(Vectors.Count > 5_000, $"only {Vectors.Count} vectors");
        var wrong = Vectors.Where(v => UnicodeNfc.Normalize(v.Input) != v.Expected)
            .Select(v => $"{Hex(v.Input)} -> {Hex(UnicodeNfc.Normalize(v.Input))}, expected {Hex(v.Expected)}")
            .Take(10).ToArray();
        Assert.Empty(wrong);
    }

    [Fact]
    public void Is_idempotent()
    {
        Assert.All(Vectors, v => Assert.Equal(v.Expected, UnicodeNfc.Normalize(v.Expected)));
    }

    [Theory]
    [InlineData("plain@example.org")]
    [InlineData("")]
    [InlineData("\uD800lone")]
    public void Leaves_ascii_empty_and_invalid_text_as_it_is(string text)
    {
        Assert.Same(text, UnicodeNfc.Normalize(text));
    }

    [Fact]
    public void Composes_a_starter_that_joins_the_starter_before_it()
    {
        // Kannada U+0CBF + U+0CD5 -> U+0CC0: both are starters, so a check for combining marks alone would miss it.
        Assert.Equal("\u0CC0", UnicodeNfc.Normalize("\u0CBF\u0CD5"));
        Assert.Equal("\uAC01", UnicodeNfc.Normalize("\u1100\u1161\u11A8"));
    }
}
