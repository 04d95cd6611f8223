import { AdminBookings } from "./admin-bookings.js";
import { AuthPanel } from "./auth.js";
import { CalendarEditor } from "./calendar-editor.js";
import { CalendarList } from "./calendar-list.js";
import { ConnectionIndicator } from "./connection-indicator.js";
import { SlotConnection, socketUrl } from "./connection.js";
import { MyBookings } from "./my-bookings.js";
import { PendingRequests } from "./pending-requests.js";
import { accessOf, rightsOn } from "./rights.js";
import { Session } from "./session.js";
import { SlotGrid, timeRange } from "./slot-grid.js";
import { StatusArea } from "./status.js";
import { formatClock, formatDay, parseInstant } from "./time-format.js";
import { WeekView, datesFrom } from "./week-view.js";

// Wires the page: server messages update the views and the answer area; a click sends book_slot or cancel_slot.
// Signing in or out reconnects the socket with the new identity; what is yours comes from my_bookings.
const byId = (id) => document.getElementById(id);

const status = new StatusArea(byId("status"));
const indicator = new ConnectionIndicator(byId("connection"), byId("connection-text"));
const summary = byId("summary");
const updated = byId("updated");
const session = new Session();

const calendars = new CalendarList(byId("calendar-picker"), byId("calendar-picker-label"), { onLoaded: calendarsChanged });
let current = calendars.get("default");

const myBookings = new MyBookings(byId("my-bookings-list"), byId("my-bookings-note"), {
  nameOf: (id) => calendars.nameOf(id),
  onChange: repaintViews,
});

const pending = new PendingRequests({
  onChange: (slotId) => grid.refresh(slotId),
  onExpired: (slotId) => status.show("error", `No answer from the server about slot ${slotId}; the grid shows the latest known state.`),
});

const grid = new SlotGrid(byId("slots"), {
  pendingKindOf: (slotId) => pending.kindOf(slotId),
  rightsOf: (slot) => rightsOn(calendars.get("default"), session, { booked: slot.is_booked, mine: myBookings.has("default", null, slot.id) }),
  onChoose: choose,
  onNotOffered: notOffered,
  onUnavailable: () => status.show("error", "Not connected to the server, so nothing was sent. Try again once it shows Connected."),
});

const week = new WeekView(byId("week-grid"), {
  rightsOf: (date, slot) => rightsOn(current, session, { booked: slot.is_booked, mine: myBookings.has(current.id, date, slot.id) }),
  onChoose: chooseInWeek,
});

const connection = new SlotConnection(() => socketUrl(window.location, session.token), {
  onState: onConnectionState,
  onMessage: onServerMessage,
  // A refused upgrade may be an expired token: /auth/me tells, and signs the tab out if so.
  onRefused: () => auth.verify(),
});

const auth = new AuthPanel({
  session,
  status,
  signInForm: byId("sign-in-form"),
  registerForm: byId("register-form"),
  signOutButton: byId("sign-out"),
  signedOut: byId("signed-out"),
  signedIn: byId("signed-in"),
  email: byId("account-email"),
  adminBadge: byId("admin-badge"),
});

const adminBookings = new AdminBookings({
  form: byId("admin-bookings-form"),
  rows: byId("admin-bookings"),
  note: byId("admin-bookings-note"),
  session,
  calendars,
  onCancel: ({ calendar, date, slot_id }) => send(calendar === "default" ? { type: "cancel_slot", slot_id } : { type: "cancel_slot", calendar, date, slot_id }),
});

const editor = new CalendarEditor({ list: byId("calendar-admin-list"), form: byId("calendar-form"), session, calendars, status });

function send(message) {
  const sent = connection.send(message);
  if (!sent) status.show("error", "Not connected to the server, so nothing was sent.");
  return sent;
}

function choose(slot) {
  const cancelling = slot.is_booked;
  if (!send({ type: cancelling ? "cancel_slot" : "book_slot", slot_id: slot.id })) return;
  pending.add(slot.id, cancelling ? "cancelling" : "booking");
  status.show("info", `${cancelling ? "Cancelling" : "Booking"} ${timeRange(slot)}\u2026`);
}

function chooseInWeek(date, slot) {
  const cancelling = slot.is_booked;
  if (!send({ type: cancelling ? "cancel_slot" : "book_slot", calendar: current.id, date, slot_id: slot.id })) return;
  status.show("info", `${cancelling ? "Cancelling" : "Booking"} ${date} ${timeRange(slot)}\u2026`);
}

function notOffered(slot) {
  status.show("info", slot.is_booked
    ? `${timeRange(slot)} is booked by someone else: only they or an admin can cancel it.`
    : `Sign in to book ${timeRange(slot)}.`);
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
  showAccessHint();
  if (!current.dated) return;
  byId("week-heading").textContent = `${current.name}: the week`;
  byId("week-zone").textContent = current.time_zone;
  week.show(current, datesFrom(current.time_zone, new Date(), 7));
  week.setEnabled(connection.isOpen);
  watchWeek();
}

// New definitions (an admin edited a calendar, or the list arrived): a changed week is laid out again.
function calendarsChanged() {
  // A calendar that was retired (or is gone) is no longer offered: back to the default one.
  const kept = calendars.get(current.id);
  const next = kept && !kept.retired ? kept : calendars.get("default");
  const relayout = next.id !== current.id || (next.dated && (next.first_hour !== current.first_hour || next.last_hour !== current.last_hour));
  if (relayout) {
    switchTo(next.id);
  } else {
    current = next;
    showAccessHint();
    repaintViews();
  }
  myBookings.refreshNames();
  adminBookings.fillCalendars();
  editor.render();
}

function showAccessHint() {
  byId("week-sign-in").hidden = session.signedIn || accessOf(current) !== "signed_in" || current.retired === true;
  // A signed-in user who is not an admin cancels only their own bookings.
  const cancelling = session.signedIn && !session.isAdmin ? "one of your bookings to cancel it" : "a booked slot to cancel the booking";
  for (const hint of document.querySelectorAll("[data-hint]")) {
    hint.textContent = `Choose a free slot to book it, or ${cancelling}.${hint.dataset.hint === "week" ? " Past slots cannot be changed." : ""}`;
  }
}

function repaintViews() {
  grid.repaint();
  week.repaint();
}

function onSessionChange({ tokenChanged }) {
  byId("my-bookings").hidden = !session.signedIn;
  byId("admin").hidden = !session.isAdmin;
  showAccessHint();
  if (tokenChanged) {
    adminBookings.clear();
    myBookings.clear();
    connection.restart();
  } else {
    repaintViews();
  }
  if (session.isAdmin) adminBookings.load();
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
      adminBookings.boardChanged(message.calendar ?? "default", message.date ?? null);
      break;
    case "my_bookings":
      if (session.signedIn) myBookings.update(message.bookings);
      break;
    case "booking_response":
    case "cancellation_response":
      onAnswer(message);
      break;
    case "error":
      status.show("error", message.message);
      break;
  }
}

function onAnswer(message) {
  status.show(message.success ? "success" : "error", message.message);
  adminBookings.boardChanged(message.calendar ?? "default", message.date ?? null);
  // The token may have expired since the connection was made.
  if (!message.success && /^Authentication failed/.test(message.message ?? "")) auth.verify();
  if (message.calendar && message.calendar !== "default") {
    if (!message.success && message.date) connection.send({ type: "get_slots", calendar: message.calendar, date: message.date });
    return;
  }
  pending.settle(message.slot_id);
  // A refusal means this page's view was behind; ask for the current state rather than wait for a change.
  if (!message.success) connection.send({ type: "get_slots" });
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
byId("calendar-picker").addEventListener("change", (event) => switchTo(event.target.value));
session.onChange(onSessionChange);
onSessionChange({ tokenChanged: false });
calendars.load();
connection.start();
// A tab that kept its sign-in from before a reload asks again whether it is an admin (and whether the token still holds).
auth.verify();
