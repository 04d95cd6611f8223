using Akka.Actor;

namespace SlotBooking.Actors.Calendars;

/// <summary>
/// The calendar registry of one actor system, found by the actors that judge against it (boards, their slots, and the
/// factories of their shard regions) instead of being handed to them as a delegate: their props and messages stay plain
/// data, and an admin's change is seen at their next decision. The host installs the service's registry before it
/// starts those actors; in a system without one (an actor spec) nothing is found, and each actor keeps the definition
/// it was started with.
/// </summary>
public sealed class CalendarLookup : IExtension
{
    private readonly CalendarRegistry? _registry;

    private CalendarLookup(CalendarRegistry? registry) => _registry = registry;

    /// <summary>The calendar with this id as the registry holds it now; null when there is none, or no registry.</summary>
    public CalendarDefinition? Find(string id) => _registry?.Find(id);

    /// <summary>The lookup of <paramref name="system"/>: one without a registry if none was installed.</summary>
    public static CalendarLookup For(ActorSystem system) => system.WithExtension<CalendarLookup, Id>();

    /// <summary>Makes <paramref name="registry"/> the one <see cref="For"/> finds. Only before the first lookup: a lookup is never swapped.</summary>
    public static void Install(ActorSystem system, CalendarRegistry registry)
    {
        var installed = (CalendarLookup)system.RegisterExtension(new Id(registry));
        if (!ReferenceEquals(installed._registry, registry))
            throw new InvalidOperationException("The actor system already has a calendar lookup: install the registry before any actor looks a calendar up.");
    }

    private sealed class Id(CalendarRegistry? registry) : ExtensionIdProvider<CalendarLookup>
    {
        public Id() : this(null)
        {
        }

        public override CalendarLookup CreateExtension(ExtendedActorSystem system) => new(registry);
    }
}
