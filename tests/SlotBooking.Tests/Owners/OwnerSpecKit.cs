using System.Threading.Channels;
using Akka;
using Akka.Persistence.Query;
using Akka.Streams.Dsl;
using Akka.Actor;
using Akka.TestKit;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Owners;
using SlotBooking.Actors.Slots;
using SlotBooking.Host.Persistence;
using SlotBooking.Tests.Actors;

namespace SlotBooking.Tests.Owners;

/// <summary>
/// What the owners' specs share: slots of the lab's Thursday and of the default calendar, booked and cancelled on
/// behalf of a subject on the real journal, and owner read-model settings on the same fake clock (08:30 in Berlin),
/// reading the journal as the host does.
/// </summary>
internal sealed class OwnerSpecKit(TestKitBase kit)
{
    public static readonly SlotActorSettings SlotSettings = LabDay.SettingsAtHalfPastEight();

    public static CalendarDefinition? FindCalendar(string id) => id == LabDay.Lab.Id ? LabDay.Lab : null;

    public static OwnerBookingsSettings Settings(TimeSpan? idleTimeout = null) =>
        new(PromptAllEvents.Of, idleTimeout ?? TimeSpan.FromMinutes(5), SlotSettings.Clock, FindCalendar);

    public static SlotIdentity Lab(int hour) => SlotIdentity.OfDated(LabDay.Lab, LabDay.Thursday, hour);

    public static SlotIdentity Default(int slotId) => SlotIdentity.OfDefault(slotId);

    private readonly Dictionary<string, IActorRef> _slots = [];
    private long _correlation;

    public void Book(SlotIdentity slot, string owner) => Expect(slot, new BookSlot(slot.SlotId, ++_correlation) { By = Requester.SignedIn(owner) });

    public void Cancel(SlotIdentity slot, string by) => Expect(slot, new CancelSlot(slot.SlotId, ++_correlation) { By = Requester.SignedIn(by) });

    private void Expect(SlotIdentity slot, ISlotCommand command)
    {
        if (!_slots.TryGetValue(slot.PersistenceId, out var actor))
            _slots[slot.PersistenceId] = actor = kit.Sys.ActorOf(SlotActor.Props(slot, SlotSettings, kit.CreateTestProbe().Ref));
        actor.Tell(command, kit.TestActor);
        var reply = kit.ExpectMsg<SlotReply>(r => r.CorrelationId == command.CorrelationId);
        Assert.True(reply.Result.Success, reply.Result.Message);
    }

    /// <summary>Asks for the owner's bookings and expects the complete list.</summary>
    public MyBookingsRead Read(IActorRef owners, string owner)
    {
        owners.Tell(new GetMyBookings(owner), kit.TestActor);
        return kit.ExpectMsg<MyBookingsRead>();
    }

    public static IEnumerable<string> Slots(MyBookingsRead read) =>
        read.Bookings.Select(b => b.Date is { } d ? $"{b.CalendarId} {d:yyyy-MM-dd} {b.SlotId}" : $"{b.CalendarId} {b.SlotId}");
}

/// <summary>A connection's stand-in: records every <c>my_bookings</c> frame offered to it, as text.</summary>
internal sealed class RecordingSubscriber : IMyBookingsSubscriber
{
    private readonly Channel<MyBookingsPayload> _offered = Channel.CreateUnbounded<MyBookingsPayload>();

    public void OfferMyBookings(MyBookingsPayload payload) => _offered.Writer.TryWrite(payload);

    public async Task<(string Json, long Version)> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var payload = await _offered.Reader.ReadAsync(timeout.Token);
        return (System.Text.Encoding.UTF8.GetString(payload.Utf8.Span), payload.Version);
    }

    public bool HasNothingMore => !_offered.Reader.TryPeek(out _);
}

/// <summary>A read journal whose all-events query reads as usual but completes only when released.</summary>
internal sealed class GatedJournal
{
    private readonly TaskCompletionSource<bool> _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstEventRead = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task FirstEventRead => _firstEventRead.Task;

    public void Release() => _release.TrySetResult(true);

    public ICurrentAllEventsQuery Over(ICurrentAllEventsQuery real) => new Query(this, real);

    private sealed class Query(GatedJournal gate, ICurrentAllEventsQuery real) : ICurrentAllEventsQuery
    {
        public Source<EventEnvelope, NotUsed> CurrentAllEvents(Offset offset) =>
            real.CurrentAllEvents(offset)
                .Select(e =>
                {
                    gate._firstEventRead.TrySetResult();
                    return e;
                })
                .Concat(Source.FromTask(gate._release.Task).SelectMany(_ => Array.Empty<EventEnvelope>()));
    }
}
