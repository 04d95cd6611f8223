using System.Text;
using Akka.Actor;
using Akka.Hosting;
using Akka.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Serialization;
using SlotBooking.Host.Cluster;

namespace SlotBooking.Tests.Actors;

/// <summary>What a board publishes crosses nodes: a registered serializer, a versioned manifest, and the same message back.</summary>
public sealed class BoardChangeSerializerTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 12, 30, 15, 123, TimeSpan.Zero);

    private static readonly BoardChanged DayChange =
        new([SlotState.Free(8), new SlotState(9, At) { BookedBy = "https://issuer.example|ada" }], At.AddSeconds(1), 17, new SlotVersions(8, [0, 3, 0]))
        {
            Board = new BoardKey("robotics-lab", new LocalDate(2026, 11, 26)),
        };

    private static readonly BoardChanged DefaultChange = new([new SlotState(3, At), SlotState.Free(4)], At, 2, new SlotVersions(3, [1, 0]));

    [Fact]
    public void Round_trips_board_changes_through_the_serialization_the_host_configures()
    {
        using var host = StartSystem();
        var serialization = host.Services.GetRequiredService<ActorSystem>().Serialization;

        foreach (var change in new[] { DayChange, DefaultChange })
        {
            var serializer = Assert.IsType<BoardChangeSerializer>(serialization.FindSerializerFor(change));
            Assert.Equal(BoardChangeSerializer.Id, serializer.Identifier);
            Assert.Equal("board-changed/v1", Akka.Serialization.Serialization.ManifestFor(serializer, change));
            var bytes = serialization.Serialize(change);
            var back = Assert.IsType<BoardChanged>(serialization.Deserialize(bytes, serializer.Identifier, "board-changed/v1"));

            Assert.Equal(change.Board, back.Board);
            // As arrays: ImmutableArray compares its array by reference.
            Assert.Equal(change.Slots.ToArray(), back.Slots.ToArray());
            Assert.Equal(change.At, back.At);
            Assert.Equal(change.Version, back.Version);
            Assert.Equal(change.SlotVersions.FirstSlotId, back.SlotVersions.FirstSlotId);
            Assert.Equal(change.SlotVersions.Versions.ToArray(), back.SlotVersions.Versions.ToArray());
        }
    }

    [Fact]
    public void Reads_the_v1_shape_as_another_node_sends_it()
    {
        var v1 = """
            {"calendar":"lab","date":"2026-11-26","slots":[{"slot_id":9,"booked_at":"2026-11-26T12:30:15.123+00:00"}],
             "at":"2026-11-26T12:30:16+00:00","version":4,"first_slot_id":8,"slot_versions":[0,2]}
            """;
        using var host = StartSystem();
        var serializer = new BoardChangeSerializer((ExtendedActorSystem)host.Services.GetRequiredService<ActorSystem>());

        var change = Assert.IsType<BoardChanged>(serializer.FromBinary(Encoding.UTF8.GetBytes(v1), "board-changed/v1"));

        Assert.Equal(new BoardKey("lab", new LocalDate(2026, 11, 26)), change.Board);
        Assert.Equal([new SlotState(9, At)], change.Slots.ToArray());
        Assert.Equal(4, change.Version);
        Assert.Equal(2, change.SlotVersions.Of(9));
    }

    [Fact]
    public void Refuses_an_unknown_manifest()
    {
        using var host = StartSystem();
        var serializer = new BoardChangeSerializer((ExtendedActorSystem)host.Services.GetRequiredService<ActorSystem>());
        Assert.Throws<System.Runtime.Serialization.SerializationException>(() => serializer.FromBinary("{}"u8.ToArray(), "board-changed/v9"));
    }

    /// <summary>An actor system with the host's broadcast serializers (no cluster: only serialization is under test).</summary>
    private static IHost StartSystem()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddAkka("board-change-spec", (akka, _) => akka.AddSlotBroadcastSerializers());
        var host = builder.Build();
        host.Start();
        return host;
    }
}
