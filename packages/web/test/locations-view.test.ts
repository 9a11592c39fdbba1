// @vitest-environment happy-dom
import { h, render } from "preact";
import { describe, expect, it, vi } from "vitest";
import type { Location } from "../src/api/api-schemas.ts";
import { App } from "../src/app.tsx";
import { fakeApi, jsonAnswer, problemAnswer } from "./fake-api.ts";
import { buttonNamed, typeInto } from "./form-input.ts";
import { mountedRoot } from "./mounted-root.ts";

const stamp = "2026-11-29T10:00:00Z";
const seeded: Location[] = [
  { id: 1, name: "Warehouse A", created_at: stamp, updated_at: stamp },
  { id: 2, name: "Warehouse B", created_at: stamp, updated_at: stamp },
];

/** A gateway whose locations refuse a taken name and the deletion of a location in use. */
function gatewayWithLocations() {
  let locations = [...seeded];
  return fakeApi(({ method, path, body }) => {
    if (method === "GET")
      return jsonAnswer(200, path === "/api/inventory/locations" ? locations : []);
    if (method === "DELETE") return problemAnswer(409, "The location holds units or reservations");
    const { name } = body as { name: string };
    if (locations.some((location) => location.name === name))
      return problemAnswer(409, `A location is already named ${name}`);
    const id = method === "POST" ? locations.length + 1 : Number(path.split("/").at(-1));
    const saved = { id, name, created_at: stamp, updated_at: stamp };
    locations = [...locations.filter((location) => location.id !== id), saved];
    return jsonAnswer(method === "POST" ? 201 : 200, saved);
  });
}

describe("the Locations tab", () => {
  const root = mountedRoot();
  const names = () =>
    [...root().querySelectorAll("#panel-locations tbody th")].map((cell) => cell.textContent);
  const formAlert = () => document.querySelector("dialog .form-alert")?.textContent ?? "";
  const failedNotice = () => root().querySelector(".notice--failed")?.textContent ?? "";

  it("when a location is added, then it is posted with an idempotency key and the list is read again", async () => {
    const sent = gatewayWithLocations();
    render(h(App, {}), root());
    await vi.waitFor(() => expect(names()).toEqual(["Warehouse A", "Warehouse B"]));

    buttonNamed("Add location").click();
    await vi.waitFor(() => expect(document.getElementById("location-name")).not.toBeNull());
    typeInto("location-name", "Warehouse C");
    document.querySelector<HTMLFormElement>("dialog form")?.requestSubmit();

    await vi.waitFor(() => expect(names()).toContain("Warehouse C"));
    const post = sent.findIndex((request) => request.method === "POST");
    expect(sent[post]).toMatchObject({
      path: "/api/inventory/locations",
      body: { name: "Warehouse C" },
    });
    expect(sent[post]?.headers["idempotency-key"]).toMatch(/^[0-9a-f]{32}$/);
    expect(sent.slice(post + 1)).toContainEqual(
      expect.objectContaining({ method: "GET", path: "/api/inventory/locations" }),
    );
  });

  it("when renamed to a name already taken (409), then the form says so and nothing changes", async () => {
    gatewayWithLocations();
    render(h(App, {}), root());
    await vi.waitFor(() => expect(names()).toHaveLength(2));

    buttonNamed("Rename Warehouse B").click();
    await vi.waitFor(() => expect(document.getElementById("location-name")).not.toBeNull());
    typeInto("location-name", "Warehouse A");
    document.querySelector<HTMLFormElement>("dialog form")?.requestSubmit();

    await vi.waitFor(() => expect(formAlert()).toBe("A location is already named Warehouse A"));
    expect(names()).toEqual(["Warehouse A", "Warehouse B"]);
  });

  it("when a location still holding units is deleted (409), then the page shows why and keeps it", async () => {
    const sent = gatewayWithLocations();
    vi.stubGlobal("confirm", () => true);
    render(h(App, {}), root());
    await vi.waitFor(() => expect(names()).toHaveLength(2));

    buttonNamed("Delete location Warehouse A").click();

    await vi.waitFor(() =>
      expect(failedNotice()).toBe("Not deleted. The location holds units or reservations"),
    );
    expect(sent.find((request) => request.method === "DELETE")?.path).toBe(
      "/api/inventory/locations/1",
    );
    expect(names()).toEqual(["Warehouse A", "Warehouse B"]);
  });
});
