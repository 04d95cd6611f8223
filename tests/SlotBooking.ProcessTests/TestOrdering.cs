// Each test runs a real host process under load; on a small shared machine two at once would starve each other
// and turn timing margins into flakiness.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
