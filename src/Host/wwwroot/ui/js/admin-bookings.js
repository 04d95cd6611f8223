import { refusalText, request } from "./api.js";
import { formatBookedAt, parseInstant } from "./time-format.js";
import { datesFrom } from "./week-view.js";

const pad = (n) => String(n).padStart(2, "0");

// For admins: one board's bookings with their owners (GET /calendars/{id}/bookings?date=), each with a cancel button.
// Reloaded when the board changes (a broadcast or an answer about it), so it follows what others do.
export class AdminBookings {
  #form;
  #picker;
  #date;
  #rows;
  #note;
  #error;
  #session;
  #calendars;
  #onCancel;
  #shown = null; // { calendar, date } of the list on screen
  #loading = false;
  #again = false;

  // onCancel({ calendar, date, slot_id }) sends the cancellation (over the page's signed-in socket).
  constructor({ form, rows, note, session, calendars, onCancel }) {
    this.#form = form;
    this.#picker = form.elements.calendar;
    this.#date = form.elements.date;
    this.#rows = rows;
    this.#note = note;
    this.#error = form.querySelector(".form-error");
    this.#session = session;
    this.#calendars = calendars;
    this.#onCancel = onCancel;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.load();
    });
    this.#picker.addEventListener("change", () => {
      this.#date.value = "";
      this.#resetDate();
      this.load();
    });
    rows.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-slot-id]");
      if (!button || !this.#shown) return;
      this.#onCancel({ calendar: this.#shown.calendar, date: this.#shown.date, slot_id: Number(button.dataset.slotId) });
    });
  }

  // The calendar list changed: offer every calendar, retired ones too (their bookings can still be cancelled).
  fillCalendars() {
    const chosen = this.#picker.value || "default";
    this.#picker.replaceChildren(...this.#calendars.all().map((c) => new Option(c.retired ? `${c.name} (retired)` : c.name, c.id)));
    this.#picker.value = this.#calendars.get(chosen) ? chosen : "default";
    this.#resetDate();
  }

  // A board changed (broadcast or answer): reload if it is the one on screen.
  boardChanged(calendar, date) {
    if (this.#shown && this.#shown.calendar === calendar && (this.#shown.date ?? null) === (date ?? null)) this.load();
  }

  clear() {
    this.#shown = null;
    this.#rows.replaceChildren();
    this.#note.textContent = "";
  }

  async load() {
    if (this.#loading) {
      this.#again = true;
      return;
    }
    this.#loading = true;
    try {
      do {
        this.#again = false;
        await this.#loadOnce();
      } while (this.#again);
    } finally {
      this.#loading = false;
    }
  }

  async #loadOnce() {
    const calendar = this.#calendar();
    const date = calendar.dated ? this.#date.value : null;
    const query = date ? `?date=${encodeURIComponent(date)}` : "";
    const answer = await request(`/calendars/${encodeURIComponent(calendar.id)}/bookings${query}`, { token: this.#session.token });
    if (!answer.ok) {
      this.clear();
      this.#error.textContent = refusalText(answer, "The bookings could not be read.");
      return;
    }
    this.#error.textContent = "";
    this.#shown = { calendar: calendar.id, date };
    const bookings = Array.isArray(answer.data?.bookings) ? answer.data.bookings : [];
    this.#rows.replaceChildren(...bookings.map((b) => this.#row(b)));
    this.#note.textContent = bookings.length === 0 ? `No bookings on ${calendar.name}${date ? ` on ${date}` : ""}.` : "";
  }

  #row(booking) {
    const range = `${pad(booking.slot_id)}:00\u2013${pad(booking.slot_id + 1)}:00`;
    const owner = booking.booked_by ?? "anonymous";
    const row = document.createElement("tr");
    row.dataset.slotId = String(booking.slot_id);
    const bookedAt = parseInstant(booking.booked_at);
    const cancel = document.createElement("button");
    cancel.type = "button";
    cancel.dataset.slotId = String(booking.slot_id);
    cancel.textContent = "Cancel";
    cancel.setAttribute("aria-label", `Cancel booking ${range} by ${owner}`);
    const cells = [range, owner, bookedAt ? formatBookedAt(bookedAt) : "", cancel].map((content) => {
      const cell = document.createElement("td");
      cell.append(content);
      return cell;
    });
    cells[1].className = "owner";
    row.append(...cells);
    return row;
  }

  #calendar() {
    return this.#calendars.get(this.#picker.value) ?? this.#calendars.get("default");
  }

  #resetDate() {
    const calendar = this.#calendar();
    // The default calendar is undated: no date to choose.
    this.#date.closest("label").hidden = !calendar.dated;
    if (!calendar.dated) this.#date.value = "";
    else if (!this.#date.value) this.#date.value = datesFrom(calendar.time_zone, new Date(), 1)[0];
  }
}
