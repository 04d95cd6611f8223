import { request } from "./api.js";

const defaultCalendar = { id: "default", name: "Default", dated: false };

// The calendars of GET /calendars, and the header's picker of them (shown when there is more than the default one).
// Without the list only the default calendar is offered; the page still works.
export class CalendarList {
  #picker;
  #label;
  #onLoaded;
  #calendars = new Map([["default", defaultCalendar]]);

  // onLoaded() after each successful load: definitions may have changed (hours, access, retired).
  constructor(picker, label, { onLoaded }) {
    this.#picker = picker;
    this.#label = label;
    this.#onLoaded = onLoaded;
  }

  get(id) {
    return this.#calendars.get(id);
  }

  all() {
    return [...this.#calendars.values()];
  }

  nameOf(id) {
    return this.#calendars.get(id)?.name ?? id;
  }

  async load() {
    const answer = await request("/calendars");
    if (!answer.ok || !Array.isArray(answer.data?.calendars)) return;
    const calendars = new Map([["default", defaultCalendar]]);
    for (const calendar of answer.data.calendars) calendars.set(calendar.id, calendar);
    this.#calendars = calendars;
    this.#fillPicker();
    this.#onLoaded();
  }

  // The calendars the picker offers: a retired one takes no bookings and is not offered (the admin view still lists it).
  offered() {
    return this.all().filter((calendar) => !calendar.retired);
  }

  #fillPicker() {
    const chosen = this.#picker.value;
    const offered = this.offered();
    const options = offered.map((calendar) => {
      const option = document.createElement("option");
      option.value = calendar.id;
      option.textContent = calendar.name;
      return option;
    });
    this.#picker.replaceChildren(...options);
    this.#picker.value = offered.some((c) => c.id === chosen) ? chosen : "default";
    // With the default calendar alone there is nothing to choose: the page stays as the seed's.
    this.#label.hidden = offered.length < 2;
  }
}
