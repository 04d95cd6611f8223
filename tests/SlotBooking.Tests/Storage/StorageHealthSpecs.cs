using Akka.TestKit.Xunit2;
using SlotBooking.Actors.Storage;

namespace SlotBooking.Tests.Storage;

public sealed class StorageHealthSpecs : TestKit
{
    [Fact]
    public void Reports_the_last_storage_problem_until_storage_works_again()
    {
        var health = Sys.ActorOf(StorageHealthActor.Props());

        health.Tell(new StorageFailed("database is locked"), TestActor);
        health.Tell(GetStorageHealth.Instance, TestActor);
        Assert.Equal("database is locked", ExpectMsg<StorageHealth>().Problem);

        health.Tell(StorageAvailable.Instance, TestActor);
        health.Tell(GetStorageHealth.Instance, TestActor);
        Assert.Null(ExpectMsg<StorageHealth>().Problem);
    }
}
