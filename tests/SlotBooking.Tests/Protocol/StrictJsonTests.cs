using System.Text;
using SlotBooking.Protocol;

namespace SlotBooking.Tests.Protocol;

/// <summary>HTTP bodies are read as strictly as socket frames: one object, no key twice, and problems in our own words.</summary>
public sealed class StrictJsonTests
{
    private static JsonBodyRead<SlotCommandBody> Read(string json) =>
        StrictJson.Read(Encoding.UTF8.GetBytes(json), ProtocolJsonContext.Default.SlotCommandBody);

    [Fact]
    public void A_well_formed_body_is_read()
    {
        var read = Read("""{"slot_id":5,"calendar":"lab","date":"2026-12-04","token":"ignored"}""");
        Assert.Equal(new SlotCommandBody(5, "lab", "2026-12-04"), read.Value);
        Assert.Null(read.Problem);
    }

    [Theory]
    [InlineData("""{"slot_id":1,"slot_id":2}""", "slot_id")]
    [InlineData("""{"slot_id":1,"slot\u005fid":2}""", "slot_id")]
    [InlineData("""{"slot_id":1,"x":1,"x":2}""", "x")]
    [InlineData("""{"slot_id":1,"x":{"a":1,"a":2}}""", "a")]
    [InlineData("""{"slot_id":1,"x":[{"a":1},{"a":2,"a":3}]}""", "a")]
    public void A_key_given_twice_in_one_object_is_refused_naming_it(string json, string key)
    {
        var read = Read(json);
        Assert.Null(read.Value);
        Assert.Equal($"Duplicate field '{key}'", read.Problem);
        Assert.Equal(key, read.Field);
    }

    [Fact]
    public void The_same_key_in_different_objects_is_fine() =>
        Assert.NotNull(Read("""{"slot_id":1,"x":{"slot_id":2},"y":[{"a":1},{"a":2}]}""").Value);

    [Theory]
    [InlineData("""{"slot_id":"9"}""", "slot_id", "Field 'slot_id' must be a whole number in range")]
    [InlineData("""{"slot_id":1e400}""", "slot_id", "Field 'slot_id' must be a whole number in range")]
    [InlineData("""{"slot_id":99999999999999999999}""", "slot_id", "Field 'slot_id' must be a whole number in range")]
    [InlineData("""{"slot_id":1,"calendar":{"id":"lab"}}""", "calendar", "Field 'calendar' must be text (a JSON string)")]
    public void A_value_of_the_wrong_kind_names_its_field_and_no_dotnet_type(string json, string field, string problem)
    {
        var read = Read(json);
        Assert.Equal((field, problem), (read.Field, read.Problem));
    }

    [Theory]
    [InlineData("", "The body is empty")]
    [InlineData("[1]", "The body must be a JSON object, got an array")]
    [InlineData("null", "The body must be a JSON object, got null")]
    [InlineData("{\"slot_id\":1", "The body is not valid JSON (line 1")]
    [InlineData("{\"slot_id\":1} {}", "The body is not valid JSON (line 1")]
    [InlineData("{\"password\":\"hunter2\" x}", "The body is not valid JSON (line 1")]
    public void A_body_that_is_not_one_object_is_refused_in_our_words(string json, string startsWith)
    {
        var read = Read(json);
        Assert.Null(read.Value);
        Assert.StartsWith(startsWith, read.Problem);
        Assert.DoesNotContain("hunter2", read.Problem);
        Assert.DoesNotContain("System.", read.Problem);
    }

    [Fact]
    public void A_deep_body_is_refused_before_it_is_deserialized()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40);
        Assert.StartsWith("The body is not valid JSON", Read(deep).Problem);
    }

    [Fact]
    public void A_field_a_type_does_not_allow_is_named_without_its_type()
    {
        var read = StrictJson.Read("""{"id":"x","horizon_day":3}"""u8, ProtocolJsonContext.Default.CreateCalendarRequest);
        Assert.Equal(("horizon_day", "Field 'horizon_day' is not a field of this request"), (read.Field, read.Problem));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_without_reading_it_all()
    {
        var body = new MemoryStream(Encoding.UTF8.GetBytes($"{{\"calendar\":\"{new string('x', 100_000)}\"}}"));
        var read = await StrictJson.ReadAsync(body, ProtocolJsonContext.Default.SlotCommandBody, CancellationToken.None, maxBytes: 1000);
        Assert.True(read.TooLarge);
        Assert.True(body.Position < 10_000);
        var small = await StrictJson.ReadAsync(new MemoryStream("{\"slot_id\":3}"u8.ToArray()), ProtocolJsonContext.Default.SlotCommandBody, CancellationToken.None, maxBytes: 13);
        Assert.Equal(3, small.Value?.SlotId);
    }
}
