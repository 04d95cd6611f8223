using System.Collections.Frozen;
using System.Text;

namespace SlotBooking.Protocol;

/// <summary>
/// Unicode Normalization Form C (canonical decomposition, canonical ordering, canonical composition; UAX #15),
/// over data generated from the Unicode character database (<c>tools/gen_unicode_nfc.py</c>).
/// Needed because the service runs with <c>InvariantGlobalization</c>, where <see cref="string.Normalize()"/> leaves
/// anything beyond ASCII as it is: "A" + U+0308 would stay apart from "Ä", and two spellings of one email would be
/// two accounts.
/// </summary>
public static partial class UnicodeNfc
{
    private const int HangulSBase = 0xAC00, HangulLBase = 0x1100, HangulVBase = 0x1161, HangulTBase = 0x11A7;
    private const int HangulLCount = 19, HangulVCount = 21, HangulTCount = 28;
    private const int HangulNCount = HangulVCount * HangulTCount, HangulSCount = HangulLCount * HangulNCount;

    private static readonly FrozenDictionary<int, (int First, int Second)> Decompositions = BuildDecompositions();
    private static readonly FrozenDictionary<long, int> Compositions = BuildCompositions();
    private static readonly FrozenDictionary<int, int> CombiningClasses = BuildCombiningClasses();
    // Characters that can join the character before them (a few are starters, e.g. Kannada U+0CD5).
    private static readonly FrozenSet<int> SecondParts = Compositions.Keys.Select(k => (int)(k & 0x1FFFFF)).ToFrozenSet();

    /// <summary>The NFC form of <paramref name="text"/>; text that is not valid UTF-16 (a lone surrogate) is returned as it is.</summary>
    public static string Normalize(string text)
    {
        if (IsCertainlyComposed(text) || !IsValidUtf16(text)) return text;

        var runes = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes()) Decompose(rune.Value, runes);
        SortCanonically(runes);
        Compose(runes);

        var builder = new StringBuilder(text.Length);
        foreach (var value in runes) builder.Append(new Rune(value).ToString());
        return builder.ToString();
    }

    /// <summary>
    /// True when no character of <paramref name="text"/> decomposes, is a combining mark or can join the one before
    /// it: such text is already in NFC (the common case). Everything below U+0300 is, on its own and together.
    /// </summary>
    private static bool IsCertainlyComposed(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            var v = rune.Value;
            if (v < 0x300) continue;
            if (Decompositions.ContainsKey(v) || CombiningClasses.ContainsKey(v) || SecondParts.Contains(v) || IsHangulJamoOrSyllable(v))
                return false;
        }
        return true;
    }

    public static bool IsValidUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (!char.IsHighSurrogate(text[i]) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return false;
            i++;
        }
        return true;
    }

    private static bool IsHangulJamoOrSyllable(int v) => v is >= 0x1100 and <= 0x11FF || v is >= HangulSBase and < HangulSBase + HangulSCount;

    private static void Decompose(int value, List<int> into)
    {
        var s = value - HangulSBase;
        if (s is >= 0 and < HangulSCount)
        {
            into.Add(HangulLBase + s / HangulNCount);
            into.Add(HangulVBase + s % HangulNCount / HangulTCount);
            if (s % HangulTCount != 0) into.Add(HangulTBase + s % HangulTCount);
            return;
        }
        if (!Decompositions.TryGetValue(value, out var parts))
        {
            into.Add(value);
            return;
        }
        Decompose(parts.First, into);
        if (parts.Second >= 0) Decompose(parts.Second, into);
    }

    private static int CombiningClass(int value) => CombiningClasses.GetValueOrDefault(value);

    /// <summary>Canonical ordering: within each run of non-starters, a stable sort by combining class.</summary>
    private static void SortCanonically(List<int> runes)
    {
        for (var i = 1; i < runes.Count; i++)
        {
            var k = CombiningClass(runes[i]);
            if (k == 0) continue;
            for (var j = i; j > 0; j--)
            {
                var previous = CombiningClass(runes[j - 1]);
                if (previous <= k) break;
                (runes[j - 1], runes[j]) = (runes[j], runes[j - 1]);
            }
        }
    }

    /// <summary>Canonical composition: each character joins the last starter unless a character between them blocks it.</summary>
    private static void Compose(List<int> runes)
    {
        if (runes.Count == 0) return;
        var starterIndex = 0;
        var starter = runes[0];
        // A leading non-starter has no starter to join: everything after it is blocked until the next starter.
        var lastClass = CombiningClass(starter) == 0 ? 0 : 256;
        var written = 1;
        for (var i = 1; i < runes.Count; i++)
        {
            var value = runes[i];
            var k = CombiningClass(value);
            // Not blocked: nothing between, or everything between has a lower class (and is not itself a starter).
            if ((lastClass < k || lastClass == 0) && ComposePair(starter, value) is { } composite)
            {
                runes[starterIndex] = composite;
                starter = composite;
                continue;
            }
            if (k == 0)
            {
                starterIndex = written;
                starter = value;
            }
            lastClass = k;
            runes[written++] = value;
        }
        runes.RemoveRange(written, runes.Count - written);
    }

    private static int? ComposePair(int first, int second)
    {
        var l = first - HangulLBase;
        var v = second - HangulVBase;
        if (l is >= 0 and < HangulLCount && v is >= 0 and < HangulVCount)
            return HangulSBase + (l * HangulVCount + v) * HangulTCount;
        var s = first - HangulSBase;
        var t = second - HangulTBase;
        if (s is >= 0 and < HangulSCount && s % HangulTCount == 0 && t is > 0 and < HangulTCount)
            return first + t;
        return Compositions.TryGetValue(((long)first << 21) | (uint)second, out var composite) ? composite : null;
    }

    private static FrozenDictionary<int, (int, int)> BuildDecompositions()
    {
        var data = DecompositionData;
        var map = new Dictionary<int, (int, int)>(data.Length / 4);
        for (var i = 0; i < data.Length; i += 4) map[data[i]] = (data[i + 1], data[i + 2]);
        return map.ToFrozenDictionary();
    }

    private static FrozenDictionary<long, int> BuildCompositions()
    {
        var data = DecompositionData;
        var map = new Dictionary<long, int>();
        for (var i = 0; i < data.Length; i += 4)
            if (data[i + 3] == 1) map[((long)data[i + 1] << 21) | (uint)data[i + 2]] = data[i];
        return map.ToFrozenDictionary();
    }

    private static FrozenDictionary<int, int> BuildCombiningClasses()
    {
        var data = CombiningClassData;
        var map = new Dictionary<int, int>();
        for (var i = 0; i < data.Length; i += 3)
            for (var v = data[i]; v <= data[i + 1]; v++) map[v] = data[i + 2];
        return map.ToFrozenDictionary();
    }
}
