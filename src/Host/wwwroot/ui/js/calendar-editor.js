import { refusalText, request } from "./api.js";
import { accessOf } from "./rights.js";

const pad = (n) => String(n).padStart(2, "0");
const numberFields = ["first_hour", "last_hour", "horizon_days", "min_notice_minutes"];

// For admins: the configured calendars with Edit and Retire, and one form that creates (POST /calendars) or edits
// (PUT /calendars/{id}; the id and time zone of a calendar cannot change). Retiring (DELETE) asks for a second click.
export class CalendarEditor {
  #list;
  #form;
  #legend;
  #submit;
  #error;
  #session;
  #calendars;
  #status;
  #editing = null; // the id being edited, or null when creating

  constructor({ list, form, session, calendars, status }) {
    this.#list = list;
    this.#form = form;
    this.#legend = form.querySelector("legend");
    this.#submit = form.querySelector("button[type=submit]");
    this.#error = form.querySelector(".form-error");
    this.#session = session;
    this.#calendars = calendars;
    this.#status = status;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.#save();
    });
    form.querySelector("button[data-action=new]").addEventListener("click", () => this.#startNew());
    list.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-action]");
      if (!button) return;
      if (button.dataset.action === "edit") this.#startEdit(button.dataset.id);
      else if (button.dataset.action === "retire") this.#retire(button);
    });
    this.#startNew();
  }

  // The calendar list changed: list every configured calendar (the default one is configured on the server only).
  render() {
    const items = this.#calendars.all().filter((c) => c.id !== "default").map((c) => this.#item(c));
    if (items.length === 0) {
      const none = document.createElement("li");
      none.className = "hint";
      none.textContent = "No calendars besides the default one yet.";
      items.push(none);
    }
    this.#list.replaceChildren(...items);
  }

  #item(calendar) {
    const item = document.createElement("li");
    item.dataset.id = calendar.id;
    const text = document.createElement("span");
    const access = `, ${accessOf(calendar) === "open" ? "open to anyone" : "signed-in users"}`;
    text.textContent = `${calendar.name} (${calendar.id}): ${calendar.time_zone}, ${pad(calendar.first_hour)}:00\u2013${pad(calendar.last_hour + 1)}:00${access}${calendar.retired ? ", retired" : ""}`;
    item.append(text, this.#button("edit", calendar, "Edit"));
    if (!calendar.retired) item.append(this.#button("retire", calendar, "Retire"));
    return item;
  }

  #button(action, calendar, text) {
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.action = action;
    button.dataset.id = calendar.id;
    button.textContent = text;
    button.setAttribute("aria-label", `${text} ${calendar.name}`);
    return button;
  }

  #startNew() {
    this.#editing = null;
    this.#form.reset();
    this.#form.elements.id.readOnly = false;
    this.#form.elements.time_zone.readOnly = false;
    this.#legend.textContent = "New calendar";
    this.#submit.textContent = "Create calendar";
    this.#error.textContent = "";
  }

  #startEdit(id) {
    const calendar = this.#calendars.get(id);
    if (!calendar) return;
    this.#editing = id;
    const fields = this.#form.elements;
    for (const name of ["id", "name", "time_zone", ...numberFields]) fields[name].value = calendar[name] ?? "";
    fields.access.value = accessOf(calendar);
    fields.id.readOnly = true;
    fields.time_zone.readOnly = true;
    this.#legend.textContent = `Edit ${calendar.name}`;
    this.#submit.textContent = "Save changes";
    this.#error.textContent = "";
    fields.name.focus();
  }

  // A change (PUT) names neither the id (it is in the address) nor the zone (it cannot change).
  #body(creating) {
    const fields = this.#form.elements;
    const body = creating ? { id: fields.id.value.trim(), name: fields.name.value.trim(), time_zone: fields.time_zone.value.trim() } : { name: fields.name.value.trim() };
    body.access = fields.access.value;
    for (const name of numberFields) if (fields[name].value !== "") body[name] = Number(fields[name].value);
    return body;
  }

  async #save() {
    const editing = this.#editing;
    const body = this.#body(editing === null);
    const answer = editing
      ? await request(`/calendars/${encodeURIComponent(editing)}`, { method: "PUT", body, token: this.#session.token })
      : await request("/calendars", { method: "POST", body, token: this.#session.token });
    if (!answer.ok) {
      this.#error.textContent = refusalText(answer, "The calendar was not saved.");
      return;
    }
    this.#status.show("success", editing ? `Calendar ${body.name} saved` : `Calendar ${body.name} created`);
    this.#startNew();
    await this.#calendars.load();
  }

  async #retire(button) {
    if (button.dataset.confirm !== "true") {
      const calendar = this.#calendars.get(button.dataset.id);
      button.dataset.confirm = "true";
      button.textContent = "Click again to retire";
      button.setAttribute("aria-label", `Click again to retire ${calendar?.name ?? button.dataset.id}`);
      return;
    }
    const calendar = this.#calendars.get(button.dataset.id);
    const answer = await request(`/calendars/${encodeURIComponent(button.dataset.id)}`, { method: "DELETE", token: this.#session.token });
    if (!answer.ok) {
      this.#status.show("error", refusalText(answer, "The calendar was not retired."));
      return;
    }
    this.#status.show("success", `Calendar ${calendar?.name ?? button.dataset.id} retired: no new bookings`);
    await this.#calendars.load();
  }
}
