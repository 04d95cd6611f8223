using SlotBooking.Client.Slots;
using SlotBooking.Protocol;

namespace SlotBooking.Client.Tests.Slots;

public sealed class SlotRangeParserTests
{
    [Theory]
    [InlineData("3-14", 3, 14)]
    [InlineData("9", 9, 9)]
    [InlineData("9-9", 9, 9)]
    [InlineData(" 0 - 23 ", 0, 23)]
    [InlineData("03-05", 3, 5)]
    public void Valid_ranges_parse(string text, int first, int last)
    {
        Assert.True(SlotRangeParser.TryParse(text, out var range, out var error));
        Assert.Null(error);
        Assert.Equal(new SlotRange(first, last), range);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("a-b")]
    [InlineData("3-")]
    [InlineData("-14")]
    [InlineData("3-14-20")]
    [InlineData("3.5-4")]
    [InlineData("+3-4")]
    [InlineData("99999999999-1")]
    public void Malformed_ranges_are_refused_with_a_reason(string? text)
    {
        Assert.False(SlotRangeParser.TryParse(text, out var range, out var error));
        Assert.Null(range);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void A_backwards_range_is_refused_as_empty()
    {
        Assert.False(SlotRangeParser.TryParse("14-3", out _, out var error));
        Assert.Contains("14 is after 3", error);
    }

    [Fact]
    public void A_range_past_the_last_hour_is_refused_instead_of_throwing()
    {
        Assert.False(SlotRangeParser.TryParse("3-24", out var range, out var error));
        Assert.Null(range);
        Assert.Contains("0-23", error);
    }

    [Fact]
    public void Parse_throws_what_TryParse_would_say() =>
        Assert.Throws<FormatException>(() => SlotRangeParser.Parse("x"));

    [Fact]
    public void A_range_counts_and_indexes_its_slots()
    {
        var range = new SlotRange(3, 14);

        Assert.Equal(12, range.Count);
        Assert.Equal(3, range.At(0));
        Assert.Equal(14, range.At(11));
        Assert.Equal("3-14", range.ToString());
        Assert.Equal("9", new SlotRange(9, 9).ToString());
    }

    [Fact]
    public void Spanning_covers_the_ids_given()
    {
        Assert.Equal(new SlotRange(3, 14), SlotRange.Spanning([9, 3, 14, 4]));
        Assert.Throws<ArgumentException>(() => SlotRange.Spanning([]));
    }
}
