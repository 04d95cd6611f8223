namespace SlotBooking.Actors.Domain;

/// <summary>
/// Who asks for a change, as plain data: the subject of a validated token (null for an anonymous client) and whether
/// that subject is an admin. Tokens are validated at the edge; the slot decides ownership from this alone.
/// </summary>
public sealed record Requester(string? Subject, bool IsAdmin)
{
    public static Requester Anonymous { get; } = new(null, false);

    public static Requester SignedIn(string subject, bool isAdmin = false) => new(subject, isAdmin);

    public bool IsSignedIn => Subject is not null;
}
