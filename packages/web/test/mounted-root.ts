import { render } from "preact";
import { afterEach, beforeEach, vi } from "vitest";

/**
 * A fresh element in the document for each test of the calling `describe`, unmounted and
 * removed after it, with stubbed globals (fetch) restored. Returns the current element.
 */
export function mountedRoot(): () => HTMLElement {
  let root: HTMLElement | undefined;
  beforeEach(() => {
    root = document.createElement("div");
    document.body.append(root);
  });
  afterEach(() => {
    if (root !== undefined) {
      render(null, root);
      root.remove();
    }
    vi.unstubAllGlobals();
  });
  return () => {
    if (root === undefined) throw new Error("mountedRoot() is read outside a test");
    return root;
  };
}
