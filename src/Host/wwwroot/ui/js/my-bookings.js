// The signed-in user's bookings, from the server's my_bookings pushes (at connect and after each change of them).
// Broadcasts say only whether a slot is booked, never by whom: what is "yours" comes from here alone.
const dayFormat = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
const pad = (n) => String(n).padStart(2, "0");

const waiting = "Waiting for the server\u2026";
const keyOf = (calendar, date, slotId) => `${calendar}|${date ?? ""}|${slotId}`;

export class MyBookings {
  #list;
  #note;
  #nameOf;
  #onChange;
  #bookings = [];
  #keys = new Set();

  // nameOf(calendarId) names a calendar; onChange() is called whenever the set of the user's bookings may have changed.
  constructor(list, note, { nameOf, onChange }) {
    this.#list = list;
    this.#note = note;
    this.#nameOf = nameOf;
    this.#onChange = onChange;
    this.#render(waiting);
  }

  has(calendar, date, slotId) {
    return this.#keys.has(keyOf(calendar, calendar === "default" ? null : date, slotId));
  }

  // The whole list from one my_bookings message, in the server's order (the default calendar's first, then by start).
  update(bookings) {
    this.#bookings = (Array.isArray(bookings) ? bookings : []).filter((b) => typeof b?.calendar === "string" && Number.isInteger(b.slot_id));
    this.#keys = new Set(this.#bookings.map((b) => keyOf(b.calendar, b.calendar === "default" ? null : b.date, b.slot_id)));
    this.#render(this.#bookings.length === 0 ? "You have no bookings." : "");
    this.#onChange();
  }

  // Signed out, or signed in and not yet told: nothing is known to be yours.
  clear(note = waiting) {
    this.#bookings = [];
    this.#keys = new Set();
    this.#render(note);
    this.#onChange();
  }

  // Calendar names may arrive after the list.
  refreshNames() {
    if (this.#bookings.length > 0) this.#render("");
  }

  #render(note) {
    this.#note.textContent = note;
    this.#note.hidden = note === "";
    this.#list.replaceChildren(...this.#bookings.map((b) => this.#item(b)));
  }

  #item(booking) {
    const item = document.createElement("li");
    item.dataset.calendar = booking.calendar;
    if (booking.date) item.dataset.date = booking.date;
    item.dataset.slotId = String(booking.slot_id);
    const range = `${pad(booking.slot_id)}:00\u2013${pad(booking.slot_id + 1)}:00`;
    const day = booking.date ? `${dayFormat.format(new Date(`${booking.date}T00:00:00Z`))}, ` : "";
    item.textContent = `${this.#nameOf(booking.calendar)}: ${day}${range}`;
    return item;
  }
}
