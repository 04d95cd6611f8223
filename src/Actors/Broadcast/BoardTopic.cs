using Akka.Cluster.Tools.PublishSubscribe;
using NodaTime.Text;
using SlotBooking.Actors.Board;

namespace SlotBooking.Actors.Broadcast;

/// <summary>
/// The DistributedPubSub topic of one board, where it publishes its changes: <c>board/{calendar}</c> for the default
/// calendar's undated board, <c>board/{calendar}/{YYYY-MM-DD}</c> for a day. Calendar ids are a-z, 0-9 and '-', so
/// the name reads back unambiguously. The name is part of the cluster's protocol: nodes of one cluster must agree on it.
/// </summary>
public static class BoardTopic
{
    private const string Prefix = "board/";

    public static string Of(BoardKey board) =>
        board.Date is { } date ? $"{Prefix}{board.Calendar}/{LocalDatePattern.Iso.Format(date)}" : Prefix + board.Calendar;

    /// <summary>The message that publishes <paramref name="change"/> to its board's topic, for the node's DistributedPubSub mediator.</summary>
    public static Publish Publish(BoardChanged change) => new(Of(change.Board), change);

    /// <summary>The board a topic of <see cref="Of"/> names; null for any other name.</summary>
    public static BoardKey? KeyOf(string topic)
    {
        if (!topic.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var rest = topic[Prefix.Length..];
        var slash = rest.IndexOf('/');
        if (slash < 0) return rest.Length > 0 ? new BoardKey(rest, null) : null;
        var date = LocalDatePattern.Iso.Parse(rest[(slash + 1)..]);
        return slash > 0 && date.Success ? new BoardKey(rest[..slash], date.Value) : null;
    }
}
