using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using SlotBooking.ProcessTests.Hosting;
using SlotBooking.TestSupport;

namespace SlotBooking.ProcessTests;

/// <summary>
/// SIGKILL while clients book slots of a dated calendar: after a restart every acknowledged booking is there, and
/// nothing is booked that no client sent.
/// </summary>
public sealed class DatedKillTests(ITestOutputHelper log) : HostProcessTest(log)
{
    private const int Clients = 8;
    private const int KillAfterAcknowledged = 20;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    protected override string[] HostArgs => LabCalendar.Args();

    [Fact]
    public async Task Sigkill_keeps_every_acknowledged_dated_booking_and_invents_none()
    {
        await StartHostAsync();
        var today = SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Berlin"]).Date;
        var dates = Enumerable.Range(1, 4).Select(d => LocalDatePattern.Iso.Format(today.PlusDays(d))).ToArray();
        // 4 days x 12 hours, dealt out so that each (date, hour) belongs to one client: no refusals to reason about.
        var slots = dates.SelectMany(d => Enumerable.Range(8, 12).Select(h => (Date: d, Hour: h))).ToArray();
        var sent = new ConcurrentBag<(string, int)>();
        var acknowledged = new ConcurrentBag<(string, int)>();
        var enoughAcknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var clients = Enumerable.Range(0, Clients).Select(async c =>
        {
            try
            {
                var (client, _) = await SocketClient.ConnectAndReadInitialAsync(Host.WebSocketAddress);
                await using var _client = client;
                foreach (var slot in slots.Where((_, i) => i % Clients == c))
                {
                    sent.Add(slot);
                    await client.SendTextAsync($$"""{"type":"book_slot","calendar":"lab","date":"{{slot.Date}}","slot_id":{{slot.Hour}}}""");
                    var answer = await client.ReceiveOfTypeAsync("booking_response");
                    Assert.True(answer.GetProperty("success").GetBoolean(), answer.GetRawText());
                    acknowledged.Add(slot);
                    if (acknowledged.Count >= KillAfterAcknowledged) enoughAcknowledged.TrySetResult();
                }
            }
            catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or SlotBooking.WireClient.Connections.ServerClosedException or IOException or OperationCanceledException)
            {
                // The kill: this client's connection ended.
            }
        }).ToArray();

        await enoughAcknowledged.Task.WaitAsync(Timeout);
        Host.Kill();
        await Task.WhenAll(clients).WaitAsync(Timeout);
        Log.WriteLine($"sent {sent.Count}, acknowledged {acknowledged.Count} before the kill");

        await RestartHostAsync();
        var booked = new HashSet<(string, int)>();
        foreach (var date in dates)
        {
            var day = await Host.Http.GetFromJsonAsync<JsonElement>($"/calendars/lab/slots?date={date}");
            foreach (var hour in day.GetProperty("booked_slots").EnumerateArray()) booked.Add((date, hour.GetInt32()));
        }
        var lost = acknowledged.Where(slot => !booked.Contains(slot)).ToArray();
        var invented = booked.Where(slot => !sent.Contains(slot)).ToArray();
        Assert.True(lost.Length == 0, $"acknowledged but not stored: {string.Join(", ", lost)}");
        Assert.True(invented.Length == 0, $"stored but never sent: {string.Join(", ", invented)}");
    }
}
