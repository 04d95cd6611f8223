using System.Text;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Catalog;
using SlotBooking.Actors.Serialization;
using SlotBooking.Tests.Actors;

namespace SlotBooking.Tests.Serialization;

/// <summary>
/// Every message that may cross a node to or from the calendar catalog (a cluster singleton), bound as the host binds
/// it, under its stable manifest, and read back equal from its bytes alone.
/// </summary>
public sealed class CatalogMessageRoundTripSpecs : IAsyncLifetime
{
    private static readonly CalendarDefinition Gym =
        new("gym", "Gym", DateTimeZoneProviders.Tzdb["America/New_York"], 6, 22, 30, 15) { Access = CalendarAccess.Open, Retired = true };

    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddAkka("serialization-spec", akka => akka
            .WithCustomSerializer("calendar-events", CalendarEventSerializer.BoundTypes, system => new CalendarEventSerializer(system))
            .WithCustomSerializer("catalog-messages", CatalogMessageSerializer.BoundTypes, system => new CatalogMessageSerializer(system)));
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private object RoundTrip(object message, string manifest)
    {
        var serialization = _host.Services.GetRequiredService<ActorSystem>().Serialization;
        var serializer = serialization.FindSerializerFor(message);
        Assert.IsType<CatalogMessageSerializer>(serializer);
        Assert.Equal(manifest, Akka.Serialization.Serialization.ManifestFor(serializer, message));
        return serialization.Deserialize(serializer.ToBinary(message), serializer.Identifier, manifest);
    }

    public static TheoryData<object, string> PlainMessages() => new()
    {
        { new CreateCalendar(new CalendarSpec("gym", "Gym", "Europe/Berlin", 6, 22, 30, 15, "open")), CatalogMessageSerializer.CreateCalendarV1 },
        { new CreateCalendar(new CalendarSpec(null, null, null, null, null)), CatalogMessageSerializer.CreateCalendarV1 },
        { new UpdateCalendar("gym", new CalendarSpec(null, "Big gym", null, null, 17)), CatalogMessageSerializer.UpdateCalendarV1 },
        { new RetireCalendar("gym"), CatalogMessageSerializer.RetireCalendarV1 },
        { new CalendarChanged(Gym), CatalogMessageSerializer.CalendarChangedV1 },
        { new CalendarChanged(LabDay.Default), CatalogMessageSerializer.CalendarChangedV1 },
        { WhenCatalogReady.Instance, CatalogMessageSerializer.WhenCatalogReadyV1 },
        { CatalogReady.Instance, CatalogMessageSerializer.CatalogReadyV1 },
        { GetCatalogState.Instance, CatalogMessageSerializer.GetCatalogStateV1 },
        { ReadCatalogView.Instance, CatalogMessageSerializer.ReadCatalogViewV1 },
        { StopCatalog.Instance, CatalogMessageSerializer.StopCatalogV1 },
    };

    [Theory]
    [MemberData(nameof(PlainMessages))]
    public void Plain_messages_round_trip(object message, string manifest) => Assert.Equal(message, RoundTrip(message, manifest));

    [Fact]
    public void A_refusal_keeps_its_kind_errors_and_bookings()
    {
        var refusal = new CatalogRefusal(CatalogRefusalKind.HoursBooked, "Hours with bookings still to come cannot be removed")
        {
            Errors = [new CalendarConfigError("FirstHour", "must be 0-23")],
            Bookings = [new BookedHour(new LocalDate(2026, 11, 29), 19), new BookedHour(new LocalDate(2026, 12, 1), 8)],
        };

        var read = Assert.IsType<CalendarChangeRefused>(RoundTrip(new CalendarChangeRefused(refusal), CatalogMessageSerializer.CalendarChangeRefusedV1)).Refusal;

        Assert.Equal((refusal.Kind, refusal.Message), (read.Kind, read.Message));
        Assert.Equal(refusal.Errors, read.Errors);
        Assert.Equal(refusal.Bookings, read.Bookings);
    }

    [Fact]
    public void A_view_keeps_its_version_calendars_and_pending_change()
    {
        var view = new CatalogView(12, 638_000_000_000_000_001, [LabDay.Lab, Gym], LabDay.Lab with { LastHour = 17 });

        var read = Assert.IsType<CatalogView>(RoundTrip(view, CatalogMessageSerializer.CatalogViewV1));

        Assert.Equal((view.SequenceNr, view.Revision, view.Pending), (read.SequenceNr, read.Revision, read.Pending));
        Assert.Equal(view.Stored, read.Stored);
        Assert.Null(Assert.IsType<CatalogView>(RoundTrip(view with { Pending = null }, CatalogMessageSerializer.CatalogViewV1)).Pending);
    }

    [Fact]
    public void A_stored_event_travels_as_the_journal_writes_it()
    {
        var stored = new CalendarEventStored(3, 99, new CalendarCreated("gym", "Gym", "Europe/Berlin", 6, 22, 30, 15, "open"));

        Assert.Equal(stored, RoundTrip(stored, CatalogMessageSerializer.CalendarEventStoredV1));
        var serializer = _host.Services.GetRequiredService<ActorSystem>().Serialization.FindSerializerFor(stored);
        var json = Encoding.UTF8.GetString(serializer.ToBinary(stored));
        Assert.Contains($"\"serializer_id\":{CalendarEventSerializer.Id},\"manifest\":\"calendar-created/v1\"", json);
    }

    [Fact]
    public void The_catalog_state_keeps_the_largest_horizons()
    {
        var state = CalendarCatalogState.Empty.Apply(CalendarCreated.Of(LabDay.Lab)).Apply(CalendarUpdated.Of(LabDay.Lab with { HorizonDays = 3 }));

        var read = Assert.IsType<CalendarCatalogState>(RoundTrip(state, CatalogMessageSerializer.CatalogStateV1));

        Assert.Equal(state.Calendars, read.Calendars);
        Assert.Equal(14, read.LargestHorizon("lab"));
    }
}
