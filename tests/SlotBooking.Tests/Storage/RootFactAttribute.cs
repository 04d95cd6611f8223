namespace SlotBooking.Tests.Storage;

/// <summary>A fact that needs root (to mount a small filesystem or mark files immutable); skipped, saying so, otherwise. CI runs as root.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!Environment.IsPrivilegedProcess)
            Skip = "Needs root to mount a tmpfs or set immutable files (CI runs as root): run the tests as root to include it.";
    }
}
