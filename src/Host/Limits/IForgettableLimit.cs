namespace SlotBooking.Host.Limits;

/// <summary>The state of one key of a limit, which can tell when it has become the same as a new one.</summary>
public interface IForgettableLimit
{
    /// <summary>True when, at <paramref name="now"/>, forgetting this state changes nothing: a new one would be the same.</summary>
    bool IsIdle(long now);
}
