using System.Text;
using Akka.TestKit.Xunit2;
using Microsoft.Extensions.Time.Testing;
using SlotBooking.Actors.Owners;
using SlotBooking.Actors.Sessions;

namespace SlotBooking.Tests.Sessions;

/// <summary>The outbox as an owner's read model uses it: offers from another thread, coalesced while a send is pending, none after the end.</summary>
public sealed class SessionOutboxTests : TestKit
{
    private readonly RecordingSink _sink = new();
    private readonly SessionOutbox _outbox;

    public SessionOutboxTests() => _outbox = new SessionOutbox(_sink, new FakeTimeProvider(), CreateTestProbe().Ref);

    private static MyBookingsPayload MyBookings(long version) => new(Encoding.UTF8.GetBytes($"my bookings {version}"), version);

    [Fact]
    public async Task While_a_send_is_pending_only_the_newest_my_bookings_frame_waits_behind_it()
    {
        _sink.StallSends = true;
        _outbox.AddAnswer(Encoding.UTF8.GetBytes("answer"));
        Assert.Equal("answer", await _sink.NextAsync());

        _outbox.OfferMyBookings(MyBookings(1));
        _outbox.OfferMyBookings(MyBookings(3));
        _outbox.OfferMyBookings(MyBookings(2));
        _sink.ReleaseSends();

        Assert.Equal("my bookings 3", await _sink.NextAsync());
        Assert.True(await _sink.NothingSentWithinAsync(TimeSpan.FromMilliseconds(50)));
        Assert.False(_sink.OverlappingSendSeen);
    }

    [Fact]
    public async Task An_offer_to_an_idle_outbox_is_sent_at_once_on_the_offering_thread()
    {
        await Task.Run(() => _outbox.OfferMyBookings(MyBookings(0)));
        Assert.Equal("my bookings 0", await _sink.NextAsync());
        Assert.True(_outbox.IsFlushed);
    }

    [Fact]
    public async Task Nothing_is_sent_once_the_outbox_is_detached()
    {
        _outbox.Detach();
        _outbox.OfferMyBookings(MyBookings(1));
        Assert.True(await _sink.NothingSentWithinAsync(TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public async Task Nothing_is_sent_once_the_outbox_is_closing_and_a_pending_frame_is_dropped()
    {
        _sink.StallSends = true;
        _outbox.AddAnswer(Encoding.UTF8.GetBytes("answer"));
        Assert.Equal("answer", await _sink.NextAsync());
        _outbox.OfferMyBookings(MyBookings(1));

        _outbox.Close(SessionClose.Normal);
        _outbox.OfferMyBookings(MyBookings(2));
        _sink.ReleaseSends();

        Assert.Equal(SessionClose.Normal, await _sink.Closed);
        Assert.True(await _sink.NothingSentWithinAsync(TimeSpan.FromMilliseconds(50)));
    }
}
