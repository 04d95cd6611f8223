import { refusalText, request } from "./api.js";

// The account forms: create an account (POST /auth/register, then signed in at once), sign in (POST /auth/login),
// sign out; and GET /auth/me, which says whether the signed-in user is an admin and whether the token is still good.
// Forms are sent by script only (method="post" stops a browser from ever putting the fields in the address).
export class AuthPanel {
  #session;
  #status;
  #signedOut;
  #signedIn;
  #email;
  #adminBadge;

  constructor({ session, status, signInForm, registerForm, signOutButton, signedOut, signedIn, email, adminBadge }) {
    this.#session = session;
    this.#status = status;
    this.#signedOut = signedOut;
    this.#signedIn = signedIn;
    this.#email = email;
    this.#adminBadge = adminBadge;
    signInForm.addEventListener("submit", (event) => this.#submit(event, signInForm, (fields) => this.#signIn(fields)));
    registerForm.addEventListener("submit", (event) => this.#submit(event, registerForm, (fields) => this.#register(fields)));
    signOutButton.addEventListener("click", () => {
      session.signOut();
      status.show("info", "Signed out.");
    });
    session.onChange(() => this.#render());
    this.#render();
  }

  // Asks who the token belongs to: an admin or not. A token the server no longer takes (expired) signs the tab out.
  async verify() {
    const token = this.#session.token;
    if (!token) return;
    const me = await request("/auth/me", { token });
    if (this.#session.token !== token) return;
    if (me.status === 401) {
      this.#session.signOut();
      this.#status.show("error", "Your sign-in has expired; sign in again.");
    } else if (me.ok) {
      this.#session.setAdmin(me.data?.is_admin === true);
    }
  }

  async #submit(event, form, action) {
    event.preventDefault();
    const button = form.querySelector("button[type=submit]");
    const error = form.querySelector(".form-error");
    if (button.disabled) return;
    button.disabled = true;
    error.textContent = "";
    const fields = { email: form.elements.email.value.trim(), password: form.elements.password.value };
    try {
      const problem = await action(fields);
      if (problem) error.textContent = problem;
      else form.reset();
    } finally {
      button.disabled = false;
    }
  }

  async #register({ email, password }) {
    const created = await request("/auth/register", { method: "POST", body: { email, password } });
    if (!created.ok) return refusalText(created, "The account could not be created.");
    return this.#signIn({ email, password });
  }

  async #signIn({ email, password }) {
    const login = await request("/auth/login", { method: "POST", body: { email, password } });
    if (login.status === 429) return refusalText(login, "Too many sign-in attempts; wait a minute and try again.");
    if (!login.ok || typeof login.data?.token !== "string") return refusalText(login, "Wrong email or password.");
    this.#session.signIn(login.data.token, login.data.user?.email ?? email);
    this.#status.show("success", `Signed in as ${this.#session.email}`);
    await this.verify();
    return null;
  }

  #render() {
    const session = this.#session;
    this.#signedOut.hidden = session.signedIn;
    this.#signedIn.hidden = !session.signedIn;
    this.#email.textContent = session.email ?? "";
    this.#adminBadge.hidden = !session.isAdmin;
  }
}
