using SlotBooking.Client.Load;

namespace SlotBooking.Client.Commands;

/// <summary>Progress lines go to stderr, so stdout carries only results (and stays valid JSON with --json).</summary>
public static class ConsoleProgress
{
    public static void Line(string text) => Console.Error.WriteLine(text);

    public static void Load(LoadProgress p) => Line(p.Phase == "connecting"
        ? $"{p.Elapsed.TotalSeconds,5:0.0}s  connecting  {p.Connected:N0} connected"
        : $"{p.Elapsed.TotalSeconds,5:0}s  {p.Phase,-9}  {p.OpsPerSecond,9:N0} ops/s  total {p.Ops,10:N0}  refusals {p.Refusals,9:N0}  errors {p.Errors,4:N0}  p99 {p.P99Ms,7:0.00} ms");
}
