namespace SlotBooking.Actors.Storage;

public static class StorageProblem
{
    /// <summary>The innermost exception's message: the store's own words ("database or disk is full", "database is locked").</summary>
    public static string Describe(Exception cause)
    {
        var inner = cause;
        while (inner.InnerException is not null) inner = inner.InnerException;
        return inner.Message;
    }
}
