using NodaTime;

namespace SlotBooking.Actors.Slots;

/// <summary>
/// Which slot a persistence id names: its calendar, its date (null for the default calendar, which is undated) and its
/// hour (slot id). Read back from the journal with <see cref="SlotIdentity.TryParse"/>.
/// </summary>
public sealed record SlotAddress(string CalendarId, LocalDate? Date, int SlotId);
