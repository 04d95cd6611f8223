import { ConnectionIndicator } from "./connection-indicator.js";
import { SlotConnection, socketUrl } from "./connection.js";
import { PendingRequests } from "./pending-requests.js";
import { SlotGrid, timeRange } from "./slot-grid.js";
import { StatusArea } from "./status.js";
import { formatClock, formatDay, parseInstant } from "./time-format.js";

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

function onConnectionState(state) {
  indicator.show(state);
  const connected = state === "connected";
  if (!connected && pending.size > 0) {
    pending.clear();
    status.show("error", "The connection was lost before the server answered; the grid will show what was stored once reconnected.");
  }
  grid.setEnabled(connected);
}

function onServerMessage(message) {
  switch (message.type) {
    case "slots_update":
      showSlots(message);
      break;
    case "booking_response":
    case "cancellation_response":
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
connection.start();
