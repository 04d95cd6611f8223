const labels = {
  connecting: "Connecting\u2026",
  connected: "Connected",
  reconnecting: "Reconnecting\u2026",
};

// The connection badge in the header; its data-state drives the colour of the dot.
export class ConnectionIndicator {
  #element;
  #text;

  constructor(element, text) {
    this.#element = element;
    this.#text = text;
  }

  show(state) {
    if (this.#element.dataset.state === state && this.#text.textContent === labels[state]) return;
    this.#element.dataset.state = state;
    this.#text.textContent = labels[state];
  }
}
