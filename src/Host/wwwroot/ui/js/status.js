// The page's answer area (an aria-live region): what the server said about the user's last choice.
// Each message is a new element so that a repeated text (the same refusal twice) is announced again.
export class StatusArea {
  #element;

  constructor(element) {
    this.#element = element;
  }

  // kind: "info" (waiting), "success" or "error"; the styling and the icon follow it.
  show(kind, text) {
    const line = document.createElement("p");
    line.className = "toast-text";
    line.textContent = text;
    this.#element.dataset.kind = kind;
    this.#element.replaceChildren(line);
  }
}
