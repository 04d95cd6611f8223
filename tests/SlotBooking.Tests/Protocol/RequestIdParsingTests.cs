using System.Text;
using SlotBooking.Protocol;

namespace SlotBooking.Tests.Protocol;

public sealed class RequestIdParsingTests
{
    private static ClientRequest Parse(string json) => ClientRequestParser.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Each_request_carries_its_request_id()
    {
        Assert.Equal(new BookSlotRequest(9, "b-1"), Parse("""{"type":"book_slot","slot_id":9,"request_id":"b-1"}"""));
        Assert.Equal(new CancelSlotRequest(9, "c 2"), Parse("""{"request_id":"c 2","type":"cancel_slot","slot_id":9}"""));
        Assert.Equal(new GetSlotsRequest("~!"), Parse("""{"type":"get_slots","request_id":"~!"}"""));
    }

    [Fact]
    public void Without_a_request_id_the_requests_are_as_before()
    {
        Assert.Null(Parse("""{"type":"book_slot","slot_id":9}""").RequestId);
        Assert.Same(GetSlotsRequest.Instance, Parse("""{"type":"get_slots"}"""));
    }

    [Fact]
    public void Sixty_four_characters_are_allowed()
    {
        var id = new string('x', 64);
        Assert.Equal(id, Parse($$"""{"type":"get_slots","request_id":"{{id}}"}""").RequestId);
    }

    [Theory]
    [InlineData("\"\"", "got 0 characters")]
    [InlineData("\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"", "got 65 characters")]
    [InlineData("\"caf\\u00e9\"", "not printable ASCII")]
    [InlineData("\"tab\\there\"", "not printable ASCII")]
    [InlineData("7", "got a number")]
    [InlineData("null", "got null")]
    [InlineData("[\"a\"]", "got an array")]
    [InlineData("{\"a\":1}", "got an object")]
    public void A_malformed_request_id_is_refused_naming_it(string value, string detail)
    {
        var request = Assert.IsType<InvalidRequest>(Parse($$"""{"type":"book_slot","slot_id":9,"request_id":{{value}}}"""));
        Assert.StartsWith("request_id must be a string of 1-64 printable ASCII characters", request.Message);
        Assert.Contains(detail, request.Message);
        Assert.Null(request.RequestId);
    }

    [Fact]
    public void A_duplicate_request_id_is_refused()
    {
        var request = Assert.IsType<InvalidRequest>(Parse("""{"type":"get_slots","request_id":"a","request_id":"b"}"""));
        Assert.Equal("Duplicate field 'request_id'", request.Message);
    }

    [Fact]
    public void An_error_in_another_field_answers_the_request_id()
    {
        var request = Assert.IsType<InvalidRequest>(Parse("""{"type":"book_slot","request_id":"r9"}"""));
        Assert.Equal("Missing slot_id in booking request", request.Message);
        Assert.Equal("r9", request.RequestId);
    }
}
