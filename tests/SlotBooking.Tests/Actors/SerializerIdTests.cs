using System.Reflection;
using Akka.Serialization;
using SlotBooking.Actors.Serialization;

namespace SlotBooking.Tests.Actors;

public sealed class SerializerIdTests
{
    /// <summary>
    /// Akka picks a serializer for reading by its id alone: two of ours with one id would read each other's bytes (two
    /// branches once both took 4205).
    /// </summary>
    [Fact]
    public void Every_serializer_of_ours_has_an_id_of_its_own()
    {
        var ids = typeof(SlotEventSerializer).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Serializer)) && !t.IsAbstract)
            .Select(t => (Type: t, Id: (int)(t.GetField("Id", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue()
                                             ?? throw new InvalidOperationException($"{t.Name} has no public const Id"))))
            .ToList();

        Assert.True(ids.Count >= 6, $"found only {ids.Count} serializers");
        Assert.Empty(ids.GroupBy(s => s.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(s => s.Type.Name))}"));
    }
}
