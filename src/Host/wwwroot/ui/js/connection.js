import { reconnectDelay } from "./backoff.js";

// The booking socket on the host that served this page: wss:// when the page came over https://.
export function socketUrl(location) {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}/slot-booking`;
}

// One WebSocket to the server that reopens itself with backoff whenever it closes, for whatever reason.
// Reports its state ("connecting" until the first success, then "connected" / "reconnecting") and every
// JSON message; the server sends the full state on each connect, so nothing needs replaying here.
export class SlotConnection {
  #url;
  #onState;
  #onMessage;
  #socket = null;
  #attempt = 0;
  #retryTimer = null;
  #everConnected = false;

  constructor(url, { onState, onMessage }) {
    this.#url = url;
    this.#onState = onState;
    this.#onMessage = onMessage;
  }

  get isOpen() {
    return this.#socket?.readyState === WebSocket.OPEN;
  }

  start() {
    this.#open();
  }

  // Returns false when the socket is not open, so the caller can tell the user nothing was sent.
  send(message) {
    if (!this.isOpen) return false;
    this.#socket.send(JSON.stringify(message));
    return true;
  }

  // Skips the rest of a backoff wait, e.g. when the network comes back or the tab becomes visible.
  retryNow() {
    if (this.#retryTimer === null) return;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    this.#open();
  }

  #open() {
    this.#onState(this.#everConnected ? "reconnecting" : "connecting");
    const socket = new WebSocket(this.#url);
    this.#socket = socket;
    socket.addEventListener("open", () => {
      this.#attempt = 0;
      this.#everConnected = true;
      this.#onState("connected");
    });
    socket.addEventListener("message", (event) => {
      const message = parseMessage(event.data);
      if (message) this.#onMessage(message);
    });
    // "error" is always followed by "close", so close alone drives the retry.
    socket.addEventListener("close", () => {
      if (this.#socket !== socket) return;
      this.#socket = null;
      this.#scheduleRetry();
    });
  }

  #scheduleRetry() {
    const delay = reconnectDelay(this.#attempt++);
    this.#onState(this.#everConnected ? "reconnecting" : "connecting");
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      this.#open();
    }, delay);
  }
}

function parseMessage(data) {
  if (typeof data !== "string") return null;
  try {
    const message = JSON.parse(data);
    return message && typeof message.type === "string" ? message : null;
  } catch {
    return null;
  }
}
