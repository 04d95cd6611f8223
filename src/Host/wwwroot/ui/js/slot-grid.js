import { offers } from "./rights.js";
import { formatBookedAt, parseInstant } from "./time-format.js";

export function timeRange(slot) {
  return `${slot.start_time}\u2013${slot.end_time}`;
}

// The grid of slot buttons. Buttons are kept and updated in place (never rebuilt) so that a live update
// does not take keyboard focus away from the button the user is on.
export class SlotGrid {
  #list;
  #pendingKindOf;
  #rightsOf;
  #buttons = new Map();
  #slots = new Map();
  #enabled = false;

  // rightsOf(slot) says what is offered on it ({ mine, book, cancel }, see rights.js).
  // onChoose(slot) is called when a slot is activated (click, Enter or Space) while the grid is enabled and the slot
  // offers its action; onNotOffered(slot) when it offers nothing to this user; onUnavailable() while not connected.
  constructor(list, { pendingKindOf, rightsOf, onChoose, onNotOffered, onUnavailable }) {
    this.#list = list;
    this.#pendingKindOf = pendingKindOf;
    this.#rightsOf = rightsOf;
    list.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-slot-id]");
      if (!button) return;
      const slot = this.#slots.get(Number(button.dataset.slotId));
      if (!slot || this.#pendingKindOf(slot.id)) return;
      if (!this.#enabled) onUnavailable(slot);
      else if (offers(this.#rightsOf(slot), slot.is_booked)) onChoose(slot);
      else onNotOffered(slot);
    });
  }

  render(slots) {
    this.#slots = new Map(slots.map((slot) => [slot.id, slot]));
    for (const [id, button] of this.#buttons) {
      if (!this.#slots.has(id)) {
        button.parentElement.remove();
        this.#buttons.delete(id);
      }
    }
    slots.forEach((slot, index) => {
      const button = this.#buttons.get(slot.id) ?? this.#create(slot.id);
      const item = button.parentElement;
      if (this.#list.children[index] !== item) this.#list.insertBefore(item, this.#list.children[index] ?? null);
      this.#paint(button, slot);
    });
    this.#list.setAttribute("aria-busy", "false");
  }

  // Repaints one slot, e.g. when a choice on it was sent or answered.
  refresh(slotId) {
    const slot = this.#slots.get(slotId);
    const button = this.#buttons.get(slotId);
    if (slot && button) this.#paint(button, slot);
  }

  // While not connected the grid stays visible (the last known state) but does not send anything.
  setEnabled(enabled) {
    this.#enabled = enabled;
    this.#list.classList.toggle("is-stale", !enabled);
    this.repaint();
  }

  // Repaints every slot, e.g. when the user signed in or out or their bookings changed.
  repaint() {
    for (const [id, button] of this.#buttons) this.#paint(button, this.#slots.get(id));
  }

  #create(slotId) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "slot";
    button.dataset.slotId = String(slotId);
    button.setAttribute("aria-describedby", `slot-${slotId}-state`);
    const time = document.createElement("span");
    time.className = "slot-time";
    const state = document.createElement("span");
    state.className = "slot-state";
    state.id = `slot-${slotId}-state`;
    button.append(time, state);
    item.append(button);
    this.#list.append(item);
    this.#buttons.set(slotId, button);
    return button;
  }

  #paint(button, slot) {
    const range = timeRange(slot);
    const pending = this.#pendingKindOf(slot.id);
    const rights = this.#rightsOf(slot);
    const offered = offers(rights, slot.is_booked);
    button.dataset.state = slot.is_booked ? "booked" : "free";
    button.dataset.mine = rights.mine ? "true" : "false";
    button.setAttribute("aria-label", labelOf(slot, rights, range));
    button.setAttribute("aria-busy", pending ? "true" : "false");
    // aria-disabled rather than disabled: a disabled button would drop keyboard focus on every reconnect.
    button.setAttribute("aria-disabled", this.#enabled && !pending && offered ? "false" : "true");
    button.querySelector(".slot-time").textContent = range;
    this.#paintState(button.querySelector(".slot-state"), slot, pending, rights.mine);
  }

  #paintState(element, slot, pending, mine) {
    if (pending) {
      element.textContent = pending === "booking" ? "Booking\u2026" : "Cancelling\u2026";
      return;
    }
    if (!slot.is_booked) {
      element.textContent = "Free";
      return;
    }
    const bookedAt = parseInstant(slot.booked_at);
    if (!bookedAt) {
      element.textContent = mine ? "Yours" : "Booked";
      return;
    }
    const time = document.createElement("time");
    time.dateTime = bookedAt.toISOString();
    time.textContent = formatBookedAt(bookedAt);
    element.replaceChildren(mine ? "Yours, booked at " : "Booked at ", time);
  }
}

function labelOf(slot, rights, range) {
  if (!slot.is_booked) return rights.book ? `Book ${range}` : rights.signInToBook ? `Sign in to book ${range}` : `${range}, free`;
  return rights.cancel ? `Cancel booking ${range}` : `${range}, booked`;
}
