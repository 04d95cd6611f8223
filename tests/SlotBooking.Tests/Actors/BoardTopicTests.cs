using NodaTime;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Broadcast;

namespace SlotBooking.Tests.Actors;

public sealed class BoardTopicTests
{
    [Fact]
    public void Names_the_default_board_and_a_day_and_reads_each_name_back()
    {
        var day = new BoardKey("robotics-lab-2", new LocalDate(2026, 11, 26));

        Assert.Equal("board/default", BoardTopic.Of(BoardKey.Default));
        Assert.Equal("board/robotics-lab-2/2026-11-26", BoardTopic.Of(day));
        Assert.Equal(BoardKey.Default, BoardTopic.KeyOf(BoardTopic.Of(BoardKey.Default)));
        Assert.Equal(day, BoardTopic.KeyOf(BoardTopic.Of(day)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("board/")]
    [InlineData("owners/default")]
    [InlineData("board/lab/2026-13-01")]
    [InlineData("board//2026-11-26")]
    public void Reads_no_board_from_another_name(string topic) => Assert.Null(BoardTopic.KeyOf(topic));
}
