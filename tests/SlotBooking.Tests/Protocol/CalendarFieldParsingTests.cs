using System.Text;
using SlotBooking.Protocol;

namespace SlotBooking.Tests.Protocol;

public sealed class CalendarFieldParsingTests
{
    private static ClientRequest Parse(string json) => ClientRequestParser.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Calendar_and_date_are_read_on_each_request()
    {
        var book = Parse("""{"type":"book_slot","slot_id":9,"calendar":"lab","date":"2026-11-26"}""");
        Assert.Equal(new BookSlotRequest(9) { Calendar = "lab", Date = new DateOnly(2026, 11, 26) }, book);
        Assert.Equal("lab", Parse("""{"type":"cancel_slot","slot_id":9,"calendar":"lab"}""").Calendar);
        Assert.Equal(new DateOnly(2024, 2, 29), Parse("""{"type":"get_slots","date":"2024-02-29"}""").Date);
    }

    [Fact]
    public void Without_them_the_requests_are_as_before()
    {
        var book = Parse("""{"type":"book_slot","slot_id":9}""");
        Assert.Null(book.Calendar);
        Assert.Null(book.Date);
        Assert.Same(GetSlotsRequest.Instance, Parse("""{"type":"get_slots"}"""));
    }

    [Theory]
    [InlineData("\"2026-02-30\"", "got \"2026-02-30\"")]
    [InlineData("\"26-1-1\"", "got \"26-1-1\"")]
    [InlineData("\"2026-1-01\"", "got \"2026-1-01\"")]
    [InlineData("\"2026-11-26T00:00\"", "got \"2026-11-26T00:00\"")]
    [InlineData("20261126", "got a number")]
    [InlineData("null", "got null")]
    public void A_malformed_date_is_refused_naming_the_field(string date, string detail)
    {
        var request = Assert.IsType<InvalidRequest>(Parse($$"""{"type":"book_slot","slot_id":9,"date":{{date}}}"""));
        Assert.StartsWith("Field 'date' must be a date as \"YYYY-MM-DD\"", request.Message);
        Assert.Contains(detail, request.Message);
    }

    [Fact]
    public void A_calendar_that_is_not_a_string_is_refused_naming_the_field()
    {
        var request = Assert.IsType<InvalidRequest>(Parse("""{"type":"get_slots","calendar":7}"""));
        Assert.Equal("Field 'calendar' must be a string (a calendar id), got a number", request.Message);
    }

    [Fact]
    public void Duplicates_are_refused()
    {
        Assert.Equal("Duplicate field 'calendar'", Assert.IsType<InvalidRequest>(Parse("""{"type":"get_slots","calendar":"a","calendar":"b"}""")).Message);
        Assert.Equal("Duplicate field 'date'", Assert.IsType<InvalidRequest>(Parse("""{"type":"get_slots","date":"2026-01-01","date":"2026-01-02"}""")).Message);
    }
}
