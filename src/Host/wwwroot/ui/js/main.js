import { ConnectionIndicator } from "./connection-indicator.js";
import { SlotConnection, socketUrl } from "./connection.js";
import { PendingRequests } from "./pending-requests.js";
import { SlotGrid, timeRange } from "./slot-grid.js";
import { StatusArea } from "./status.js";
import { formatClock, formatDay, parseInstant } from "./time-format.js";
import { WeekView, datesFrom } from "./week-view.js";

// Wires the page: server messages update the grid and the answer area; a click sends book_slot or cancel_slot.
const byId = (id) => document.getElementById(id);

const status = new StatusArea(byId("status"));
const indicator = new ConnectionIndicator(byId("connection"), byId("connection-text"));
const summary = byId("summary");
const updated = byId("updated");

const pending = new PendingRequests({
  onChange: (slotId) => grid.refresh(slotId),
  onExpired: (slotId) => status.show("error", `No answer from the server about slot ${slotId}; the grid shows the latest known state.`),
});

const grid = new SlotGrid(byId("slots"), {
  pendingKindOf: (slotId) => pending.kindOf(slotId),
  onChoose: choose,
  onUnavailable: () => status.show("error", "Not connected to the server, so nothing was sent. Try again once it shows Connected."),
});

const week = new WeekView(byId("week-grid"), { onChoose: chooseInWeek });
const picker = byId("calendar-picker");
const calendars = new Map([["default", { id: "default", name: "Default", dated: false }]]);
let current = calendars.get("default");

const connection = new SlotConnection(socketUrl(window.location), {
  onState: onConnectionState,
  onMessage: onServerMessage,
});

function choose(slot) {
  const cancelling = slot.is_booked;
  const sent = connection.send({ type: cancelling ? "cancel_slot" : "book_slot", slot_id: slot.id });
  if (!sent) {
    status.show("error", "Not connected to the server, so nothing was sent.");
    return;
  }
  pending.add(slot.id, cancelling ? "cancelling" : "booking");
  status.show("info", `${cancelling ? "Cancelling" : "Booking"} ${timeRange(slot)}\u2026`);
}

function chooseInWeek(date, slot) {
  const cancelling = slot.is_booked;
  const sent = connection.send({ type: cancelling ? "cancel_slot" : "book_slot", calendar: current.id, date, slot_id: slot.id });
  if (!sent) {
    status.show("error", "Not connected to the server, so nothing was sent.");
    return;
  }
  status.show("info", `${cancelling ? "Cancelling" : "Booking"} ${date} ${timeRange(slot)}\u2026`);
}

// A dated calendar's week is seven days from today in its own zone, each day watched on this connection.
function watchWeek() {
  for (const date of week.dates) connection.send({ type: "watch", calendar: current.id, date });
}

function switchTo(id) {
  const next = calendars.get(id);
  if (!next) return;
  if (current.dated) for (const date of week.dates) connection.send({ type: "unwatch", calendar: current.id, date });
  current = next;
  byId("board").hidden = current.dated;
  byId("week").hidden = !current.dated;
  if (!current.dated) return;
  byId("week-heading").textContent = `${current.name}: the week`;
  byId("week-zone").textContent = current.time_zone;
  week.show(current, datesFrom(current.time_zone, new Date(), 7));
  week.setEnabled(connection.isOpen);
  watchWeek();
}

async function loadCalendars() {
  try {
    const response = await fetch("/calendars");
    if (!response.ok) return;
    const body = await response.json();
    for (const calendar of body.calendars ?? []) {
      calendars.set(calendar.id, calendar);
      // A retired calendar takes no bookings: not offered here (GET /calendars/{id}/slots still reads its days).
      if (calendar.id === "default" || calendar.retired) continue;
      const option = document.createElement("option");
      option.value = calendar.id;
      option.textContent = calendar.name;
      picker.append(option);
    }
    // With the default calendar alone there is nothing to choose: the page stays as the seed's.
    byId("calendar-picker-label").hidden = calendars.size < 2;
  } catch {
    // Without the list only the default calendar is offered; the page still works.
  }
}

function onConnectionState(state) {
  indicator.show(state);
  const connected = state === "connected";
  if (!connected && pending.size > 0) {
    pending.clear();
    status.show("error", "The connection was lost before the server answered; the grid will show what was stored once reconnected.");
  }
  grid.setEnabled(connected);
  week.setEnabled(connected);
  // A new connection watches only the default board: watch the week again.
  if (connected && current.dated) watchWeek();
}

function onServerMessage(message) {
  switch (message.type) {
    case "slots_update":
      if (message.calendar && message.calendar !== "default") {
        if (message.calendar === current.id && message.date) week.update(message.date, message.data?.slots ?? []);
      } else {
        showSlots(message);
      }
      break;
    case "booking_response":
    case "cancellation_response":
      if (message.calendar && message.calendar !== "default") {
        status.show(message.success ? "success" : "error", message.message);
        if (!message.success && message.date) connection.send({ type: "get_slots", calendar: message.calendar, date: message.date });
        break;
      }
      pending.settle(message.slot_id);
      status.show(message.success ? "success" : "error", message.message);
      // A refusal means this page's view was behind; ask for the current state rather than wait for a change.
      if (!message.success) connection.send({ type: "get_slots" });
      break;
    case "error":
      status.show("error", message.message);
      break;
  }
}

function showSlots(message) {
  const data = message.data ?? {};
  const slots = Array.isArray(data.slots) ? data.slots : [];
  grid.render(slots);
  const booked = slots.filter((slot) => slot.is_booked).length;
  summary.textContent = `${slots.length - booked} free \u00b7 ${booked} booked`;
  const at = parseInstant(message.timestamp);
  if (at) {
    updated.dateTime = message.timestamp;
    updated.textContent = formatClock(at);
  }
}

byId("day").textContent = formatDay(new Date());
// Back online or back in view: no need to sit out the rest of a backoff wait.
window.addEventListener("online", () => connection.retryNow());
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible") connection.retryNow();
});
picker.addEventListener("change", () => switchTo(picker.value));
loadCalendars();
connection.start();
