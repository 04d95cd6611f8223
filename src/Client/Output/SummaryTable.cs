using System.Text;

namespace SlotBooking.Client.Output;

/// <summary>A titled two-column table, labels left, values aligned: how a command shows its results to a person.</summary>
public sealed class SummaryTable(string title)
{
    private readonly List<(string Label, string Value)> _rows = [];

    public SummaryTable Row(string label, string value)
    {
        _rows.Add((label, value));
        return this;
    }

    public override string ToString()
    {
        var width = _rows.Count == 0 ? 0 : _rows.Max(r => r.Label.Length);
        var text = new StringBuilder().AppendLine(title);
        foreach (var (label, value) in _rows) text.Append("  ").Append(label.PadRight(width)).Append("  ").AppendLine(value);
        return text.ToString();
    }
}
