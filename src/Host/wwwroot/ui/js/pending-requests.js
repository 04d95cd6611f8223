// The choices sent and not yet answered, by slot id: "booking" or "cancelling".
// A choice the server never answers (it normally answers within milliseconds) expires, so a slot is
// never stuck looking busy.
export class PendingRequests {
  #entries = new Map();
  #timeoutMs;
  #onChange;
  #onExpired;

  constructor({ timeoutMs = 10000, onChange, onExpired }) {
    this.#timeoutMs = timeoutMs;
    this.#onChange = onChange;
    this.#onExpired = onExpired;
  }

  kindOf(slotId) {
    return this.#entries.get(slotId)?.kind ?? null;
  }

  get size() {
    return this.#entries.size;
  }

  add(slotId, kind) {
    this.#remove(slotId);
    const timer = setTimeout(() => {
      this.#remove(slotId);
      this.#onChange(slotId);
      this.#onExpired(slotId, kind);
    }, this.#timeoutMs);
    this.#entries.set(slotId, { kind, timer });
    this.#onChange(slotId);
  }

  settle(slotId) {
    if (!this.#remove(slotId)) return;
    this.#onChange(slotId);
  }

  // On a lost connection no answer will come; the state sent on reconnect tells what happened.
  clear() {
    const ids = [...this.#entries.keys()];
    ids.forEach((id) => this.#remove(id));
    ids.forEach((id) => this.#onChange(id));
  }

  #remove(slotId) {
    const entry = this.#entries.get(slotId);
    if (!entry) return false;
    clearTimeout(entry.timer);
    this.#entries.delete(slotId);
    return true;
  }
}
