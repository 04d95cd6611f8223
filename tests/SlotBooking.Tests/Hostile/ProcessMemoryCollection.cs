namespace SlotBooking.Tests.Hostile;

/// <summary>
/// Tests that measure the memory of the whole test process run alone: other test classes run in parallel in the same
/// process, and their allocations would be counted as growth.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessMemoryCollection
{
    public const string Name = "Process memory";
}
