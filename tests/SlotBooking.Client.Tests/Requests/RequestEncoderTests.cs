using System.Text;
using System.Text.Json;
using SlotBooking.Protocol;
using SlotBooking.WireClient.Requests;

namespace SlotBooking.Client.Tests.Requests;

public sealed class RequestEncoderTests
{
    [Fact]
    public void Without_a_request_id_the_frames_are_the_ones_clients_always_sent()
    {
        Assert.Equal("""{"type":"book_slot","slot_id":9}""", Text(RequestEncoder.Book(9)));
        Assert.Equal("""{"type":"cancel_slot","slot_id":14}""", Text(RequestEncoder.Cancel(14)));
        Assert.Equal("""{"type":"get_slots"}""", Text(RequestEncoder.GetSlots()));
        Assert.Equal(RequestEncoder.Cancel(3), RequestEncoder.For(SlotOperation.Cancel, 3));
    }

    [Fact]
    public void A_request_id_is_appended_last()
    {
        Assert.Equal("""{"type":"book_slot","slot_id":9,"request_id":"r-1"}""", Text(RequestEncoder.Book(9, "r-1")));
        Assert.Equal("""{"type":"get_slots","request_id":"<a+b>"}""", Text(RequestEncoder.GetSlots("<a+b>")));
    }

    [Fact]
    public void Quotes_and_backslashes_in_a_request_id_are_escaped_and_read_back_the_same()
    {
        const string id = """say "hi" \ ~""";

        using var document = JsonDocument.Parse(RequestEncoder.Cancel(4, id));

        Assert.Equal(id, document.RootElement.GetProperty("request_id").GetString());
    }

    [Fact]
    public void The_servers_parser_reads_what_the_encoder_writes()
    {
        Assert.Equal(new BookSlotRequest(9), ClientRequestParser.Parse(RequestEncoder.Book(9)));
        Assert.Equal(new CancelSlotRequest(5, "id-5"), ClientRequestParser.Parse(RequestEncoder.Cancel(5, "id-5")));
        Assert.Equal(new GetSlotsRequest("g"), ClientRequestParser.Parse(RequestEncoder.GetSlots("g")));
        Assert.Same(GetSlotsRequest.Instance, ClientRequestParser.Parse(RequestEncoder.GetSlots()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("tab\there")]
    [InlineData("caf\u00e9")]
    [InlineData("line\n")]
    public void A_request_id_that_is_not_printable_ascii_is_refused(string id) =>
        Assert.Throws<ArgumentException>(() => RequestEncoder.Book(9, id));

    [Fact]
    public void A_request_id_may_be_64_characters_and_no_more()
    {
        Assert.Contains("\"request_id\"", Text(RequestEncoder.Book(9, new string('x', 64))));
        Assert.Throws<ArgumentException>(() => RequestEncoder.Book(9, new string('x', 65)));
    }

    [Fact]
    public void Prebuilt_frames_are_the_encoders_frames_for_each_slot_of_the_range()
    {
        var frames = new RequestFrames(new SlotRange(3, 5));

        Assert.Equal(RequestEncoder.Book(3), frames.For(SlotOperation.Book, 3).ToArray());
        Assert.Equal(RequestEncoder.Cancel(5), frames.For(SlotOperation.Cancel, 5).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => frames.For(SlotOperation.Book, 6));
    }

    private static string Text(byte[] utf8) => Encoding.UTF8.GetString(utf8);

    [Fact]
    public void Frames_for_dated_days_cover_every_hour_of_every_day()
    {
        var days = new[] { new DayAddress("lab", "2026-11-26"), new DayAddress("gym", "2026-11-27") };
        var frames = new RequestFrames(new SlotRange(8, 9), days);

        Assert.Equal(4, frames.Count);
        var (slotId, frame) = frames.At(SlotOperation.Cancel, 3);
        Assert.Equal(9, slotId);
        Assert.Equal("""{"type":"cancel_slot","slot_id":9,"calendar":"gym","date":"2026-11-27"}""", System.Text.Encoding.UTF8.GetString(frame.Span));
        Assert.Equal(new CancelSlotRequest(9) { Calendar = "gym", Date = new DateOnly(2026, 11, 27) }, ClientRequestParser.Parse(frame.Span));
    }
}
