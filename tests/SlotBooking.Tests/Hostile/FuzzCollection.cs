namespace SlotBooking.Tests.Hostile;

/// <summary>
/// The fuzzers run alone (after the parallel tests), so that the process's CPU time they check after a run is their
/// host's, not another test's.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzCollection
{
    public const string Name = "Fuzzers, alone";
}
