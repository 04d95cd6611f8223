import { offers } from "./rights.js";

// The week of a dated calendar: its hours down, seven days across, each cell a slot button. Times are the
// calendar's own wall-clock hours (the server gives each slot's true UTC start too); a slot that has started is past.

const dayFormat = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });

// YYYY-MM-DD of today in an IANA zone, and of the days after it.
export function datesFrom(zone, now, count) {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  const [y, m, d] = today.split("-").map(Number);
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(y, m - 1, d + i)).toISOString().slice(0, 10));
}

const pad = (n) => String(n).padStart(2, "0");

export class WeekView {
  #table;
  #onChoose;
  #rightsOf;
  #calendar = null;
  #dates = [];
  #cells = new Map(); // "date|hour" -> button
  #slots = new Map(); // "date|hour" -> slot as the server last sent it
  #enabled = false;

  // rightsOf(date, slot) says what is offered on a slot ({ mine, book, cancel }, see rights.js);
  // onChoose(date, slot) is called when a cell that offers booking or cancelling is activated.
  constructor(table, { rightsOf, onChoose }) {
    this.#table = table;
    this.#rightsOf = rightsOf;
    this.#onChoose = onChoose;
    table.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-date]");
      if (!button || !this.#enabled) return;
      const slot = this.#slots.get(`${button.dataset.date}|${button.dataset.slotId}`);
      if (slot && !this.#isPast(slot) && offers(this.#rightsOf(button.dataset.date, slot), slot.is_booked)) this.#onChoose(button.dataset.date, slot);
    });
  }

  get dates() {
    return this.#dates;
  }

  // Lays out an empty week: the calendar's hours by the given dates.
  show(calendar, dates) {
    this.#calendar = calendar;
    this.#dates = dates;
    this.#cells.clear();
    this.#slots.clear();
    const head = `<thead><tr><th scope="col">Time</th>${dates
      .map((d) => `<th scope="col" data-date="${d}">${dayFormat.format(new Date(`${d}T00:00:00Z`))}</th>`)
      .join("")}</tr></thead>`;
    const rows = [];
    for (let hour = calendar.first_hour; hour <= calendar.last_hour; hour++) {
      const cells = dates.map((d) => `<td><button type="button" class="week-slot" data-date="${d}" data-slot-id="${hour}" data-state="unknown" disabled>\u2026</button></td>`);
      rows.push(`<tr><th scope="row">${pad(hour)}:00</th>${cells.join("")}</tr>`);
    }
    this.#table.innerHTML = `${head}<tbody>${rows.join("")}</tbody>`;
    for (const button of this.#table.querySelectorAll("button[data-date]")) {
      this.#cells.set(`${button.dataset.date}|${button.dataset.slotId}`, button);
    }
  }

  // One day's slots from a slots_update; an hour the day does not have (the clocks skip it) stays marked absent.
  update(date, slots) {
    if (!this.#dates.includes(date)) return;
    for (let hour = this.#calendar.first_hour; hour <= this.#calendar.last_hour; hour++) {
      const key = `${date}|${hour}`;
      const slot = slots.find((s) => s.id === hour);
      if (slot) this.#slots.set(key, slot);
      else this.#slots.delete(key);
      this.#paint(key);
    }
  }

  setEnabled(enabled) {
    this.#enabled = enabled;
    this.repaint();
  }

  // Repaints every cell, e.g. when the user signed in or out or their bookings changed.
  repaint() {
    for (const key of this.#cells.keys()) this.#paint(key);
  }

  #isPast(slot) {
    return slot.starts_at ? new Date(slot.starts_at) <= new Date() : false;
  }

  #paint(key) {
    const button = this.#cells.get(key);
    const slot = this.#slots.get(key);
    if (!button) return;
    const [date, hour] = key.split("|");
    const range = `${pad(Number(hour))}:00\u2013${pad(Number(hour) + 1)}:00`;
    if (!slot) {
      button.dataset.state = button.dataset.state === "unknown" ? "unknown" : "absent";
      button.textContent = button.dataset.state === "absent" ? "\u2014" : "\u2026";
      button.disabled = true;
      return;
    }
    const state = this.#isPast(slot) ? "past" : slot.is_booked ? "booked" : "free";
    const rights = this.#rightsOf(date, slot);
    const offered = state !== "past" && offers(rights, slot.is_booked);
    const booked = rights.mine ? "Yours" : "Booked";
    button.dataset.state = state;
    button.dataset.mine = rights.mine ? "true" : "false";
    button.textContent = state === "past" ? (slot.is_booked ? `${booked} (past)` : "Past") : state === "booked" ? booked : "Free";
    button.disabled = !offered || !this.#enabled;
    button.setAttribute("aria-label", labelOf(state, offered, rights, `${date} ${range}`));
  }
}

function labelOf(state, offered, rights, when) {
  if (state === "past") return `${when}, past`;
  if (state === "free") return offered ? `Book ${when}` : `${when}, free${rights.signInToBook ? ": sign in to book" : ""}`;
  return offered ? `Cancel booking ${when}` : `${when}, booked`;
}
