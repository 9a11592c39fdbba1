import { act } from "preact/test-utils";

// act() applies the re-render an event causes before the test goes on, as time does for a person.

/** Types `value` into the input or textarea `id`, as a person would (an input event). */
export function typeInto(id: string, value: string) {
  act(() => {
    const field = document.getElementById(id) as HTMLInputElement;
    field.value = value;
    field.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

/** Picks the option `value` of the drop-down `id` (a change event). */
export function choose(id: string, value: string) {
  act(() => {
    const field = document.getElementById(id) as HTMLSelectElement;
    field.value = value;
    field.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

/** The button whose accessible name (aria-label, else its text) is `name`. */
export function buttonNamed(name: string): HTMLButtonElement {
  const button = [...document.querySelectorAll("button")].find(
    (candidate) => (candidate.getAttribute("aria-label") ?? candidate.textContent?.trim()) === name,
  );
  if (!button) throw new Error(`no button named “${name}”`);
  return button;
}
