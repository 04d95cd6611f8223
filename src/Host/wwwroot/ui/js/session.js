// Who is signed in on this tab: the token from POST /auth/login, the account's email, and whether it is an admin
// (asked of GET /auth/me, never read from the token). The token and email are kept in sessionStorage, so a reload keeps
// the tab signed in and closing it signs out; they never go into the page's address.
const storageKey = "slotbooking.session";

export class Session {
  #storage;
  #state = null; // { token, email, isAdmin }
  #listeners = [];

  constructor(storage = safeSessionStorage()) {
    this.#storage = storage;
    const saved = read(storage);
    if (saved) this.#state = { ...saved, isAdmin: false };
  }

  get signedIn() {
    return this.#state !== null;
  }

  get token() {
    return this.#state?.token ?? null;
  }

  get email() {
    return this.#state?.email ?? null;
  }

  get isAdmin() {
    return this.#state?.isAdmin ?? false;
  }

  // listener({ tokenChanged }) after every change.
  onChange(listener) {
    this.#listeners.push(listener);
  }

  signIn(token, email) {
    this.#state = { token, email, isAdmin: false };
    write(this.#storage, JSON.stringify({ token, email }));
    this.#notify(true);
  }

  setAdmin(isAdmin) {
    if (!this.#state || this.#state.isAdmin === isAdmin) return;
    this.#state = { ...this.#state, isAdmin };
    this.#notify(false);
  }

  signOut() {
    if (!this.#state) return;
    this.#state = null;
    write(this.#storage, null);
    this.#notify(true);
  }

  #notify(tokenChanged) {
    for (const listener of this.#listeners) listener({ tokenChanged });
  }
}

function read(storage) {
  try {
    const saved = JSON.parse(storage?.getItem(storageKey) ?? "null");
    return typeof saved?.token === "string" && typeof saved?.email === "string" ? saved : null;
  } catch {
    return null;
  }
}

// A full or refused storage only costs the sign-in at the next reload.
function write(storage, value) {
  try {
    if (value === null) storage?.removeItem(storageKey);
    else storage?.setItem(storageKey, value);
  } catch {
    // kept in memory only
  }
}

// Storage can be switched off (privacy settings); the session then lasts as long as the page.
function safeSessionStorage() {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
