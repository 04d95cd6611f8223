using System.Text;
using SlotBooking.Protocol;

namespace SlotBooking.Tests.Protocol;

public sealed class ClientRequestParserTests
{
    private static ClientRequest Parse(string json) => ClientRequestParser.Parse(Encoding.UTF8.GetBytes(json));

    private static string ErrorOf(string json) => Assert.IsType<InvalidRequest>(Parse(json)).Message;

    [Fact]
    public void Parses_the_three_seed_requests()
    {
        Assert.Equal(new BookSlotRequest(9), Parse("""{"type":"book_slot","slot_id":9}"""));
        Assert.Equal(new CancelSlotRequest(9), Parse("""{"slot_id":9,"type":"cancel_slot"}"""));
        Assert.Same(GetSlotsRequest.Instance, Parse("""{"type":"get_slots"}"""));
    }

    [Fact]
    public void Unknown_fields_are_ignored_even_when_nested()
    {
        Assert.Equal(new BookSlotRequest(3), Parse("""{"type":"book_slot","client":{"name":"x","tags":[1,[2]]},"slot_id":3}"""));
    }

    [Theory]
    [InlineData("{\"type\":\"book_slot\"}", "Missing slot_id in booking request")]
    [InlineData("{\"type\":\"cancel_slot\"}", "Missing slot_id in cancellation request")]
    [InlineData("{\"slot_id\":9}", "Missing 'type' field; expected one of book_slot, cancel_slot, get_slots")]
    [InlineData("{\"type\":\"dance\"}", "Unknown message type: dance")]
    [InlineData("{\"type\":5}", "Field 'type' must be a string, got a number")]
    [InlineData("[1,2]", "Message must be a JSON object, got an array")]
    [InlineData("\"book_slot\"", "Message must be a JSON object, got a string")]
    [InlineData("null", "Message must be a JSON object, got null")]
    [InlineData("{\"type\":\"book_slot\",\"slot_id\":\"9\"}", "slot_id must be an integer, got a string")]
    [InlineData("{\"type\":\"book_slot\",\"slot_id\":9.5}", "slot_id must be an integer, got 9.5")]
    [InlineData("{\"type\":\"book_slot\",\"slot_id\":9.0}", "slot_id must be an integer, got 9.0")]
    [InlineData("{\"type\":\"book_slot\",\"slot_id\":1e1}", "slot_id must be an integer, got 1e1")]
    [InlineData("{\"type\":\"book_slot\",\"slot_id\":true}", "slot_id must be an integer, got a boolean")]
    [InlineData("{\"type\":\"book_slot\",\"slot_id\":null}", "slot_id must be an integer, got null")]
    [InlineData("{\"type\":\"book_slot\",\"slot_id\":[9]}", "slot_id must be an integer, got an array")]
    [InlineData("{\"type\":\"book_slot\",\"slot_id\":{\"id\":9}}", "slot_id must be an integer, got an object")]
    [InlineData("{\"type\":\"book_slot\",\"slot_id\":99999999999999999999}", "slot_id 99999999999999999999 is not a valid slot number")]
    [InlineData("{\"type\":\"book_slot\",\"slot_id\":9,\"slot_id\":10}", "Duplicate field 'slot_id'")]
    [InlineData("{\"type\":\"book_slot\",\"type\":\"cancel_slot\",\"slot_id\":9}", "Duplicate field 'type'")]
    public void Refusals_say_what_was_wrong(string json, string expected) => Assert.Equal(expected, ErrorOf(json));

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"type\":\"book_slot\",}")]
    [InlineData("not json")]
    [InlineData("{\"type\":\"get_slots\"} trailing")]
    [InlineData("{'type':'get_slots'}")]
    public void Invalid_json_is_reported_as_such(string json) => Assert.StartsWith("Invalid JSON", ErrorOf(json));

    [Fact]
    public void Deep_nesting_is_refused_as_invalid_json()
    {
        var deep = "{\"type\":\"get_slots\",\"x\":" + new string('[', 10_000) + new string(']', 10_000) + "}";
        Assert.StartsWith("Invalid JSON", ErrorOf(deep));
    }

    [Fact]
    public void Invalid_utf8_is_reported_as_invalid_json()
    {
        var bytes = "{\"type\":\"get_slots\",\"x\":\""u8.ToArray().Concat(new byte[] { 0xC3, 0x28 }).Concat("\"}"u8.ToArray()).ToArray();
        var request = ClientRequestParser.Parse(bytes);
        Assert.StartsWith("Invalid JSON", Assert.IsType<InvalidRequest>(request).Message);
    }

    [Fact]
    public void A_long_unknown_type_is_echoed_shortened()
    {
        var message = ErrorOf($$"""{"type":"{{new string('x', 5000)}}"}""");
        Assert.True(message.Length < 100, message);
    }
}
