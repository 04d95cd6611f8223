import { reconnectDelay } from "./backoff.js";

// The booking socket on the host that served this page: wss:// when the page came over https://. A signed-in page
// presents its token at the upgrade as ?access_token= (a browser cannot set headers on a WebSocket); that is the
// socket's address only, never the page's.
export function socketUrl(location, token = null) {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  const query = token ? `?access_token=${encodeURIComponent(token)}` : "";
  return `${scheme}//${location.host}/slot-booking${query}`;
}

// One WebSocket to the server that reopens itself with backoff whenever it closes, for whatever reason.
// Reports its state ("connecting" until the first success, then "connected" / "reconnecting") and every
// JSON message; the server sends the full state on each connect, so nothing needs replaying here.
// The address is asked of urlOf() at each attempt, so a reconnection carries the identity of that moment.
export class SlotConnection {
  #urlOf;
  #onState;
  #onMessage;
  #onRefused;
  #socket = null;
  #attempt = 0;
  #retryTimer = null;
  #everConnected = false;

  // onRefused() is called when a socket closes without ever having opened (server down, or the token refused).
  constructor(urlOf, { onState, onMessage, onRefused = () => {} }) {
    this.#urlOf = urlOf;
    this.#onState = onState;
    this.#onMessage = onMessage;
    this.#onRefused = onRefused;
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

  // Drops the socket and opens a new one at once, e.g. after signing in or out.
  restart() {
    if (this.#retryTimer !== null) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    const old = this.#socket;
    this.#socket = null;
    old?.close(1000, "reconnecting with another identity");
    this.#attempt = 0;
    this.#open();
  }

  #open() {
    this.#onState(this.#everConnected ? "reconnecting" : "connecting");
    const socket = new WebSocket(this.#urlOf());
    let opened = false;
    this.#socket = socket;
    socket.addEventListener("open", () => {
      opened = true;
      this.#attempt = 0;
      this.#everConnected = true;
      this.#onState("connected");
    });
    socket.addEventListener("message", (event) => {
      if (this.#socket !== socket) return;
      const message = parseMessage(event.data);
      if (message) this.#onMessage(message);
    });
    // "error" is always followed by "close", so close alone drives the retry.
    socket.addEventListener("close", () => {
      if (this.#socket !== socket) return;
      this.#socket = null;
      this.#scheduleRetry();
      if (!opened) this.#onRefused();
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
