import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePorts } from "../kit/free-ports.ts";
import {
  availableAt,
  card,
  eventRow,
  firstRowHeader,
  locationRow,
  productRow,
  reservationRow,
  stockRow,
} from "./dashboard-locators.ts";
import { type LaunchedChromium, launchChromium } from "./launch-chromium.ts";
import { type RunningStockWiz, startStockWiz } from "./start-stockwiz.ts";

const screenshotPath = fileURLToPath(
  new URL("../../test-artifacts/dashboard.png", import.meta.url),
);

const seed = [
  { name: "Laptop Dell XPS 13", badge: "50 medium" },
  { name: "Mouse Logitech MX Master", badge: "150 high" },
  { name: "Teclado Mecánico", badge: "75 medium" },
  { name: "Monitor 4K", badge: "30 medium" },
  { name: "Webcam HD", badge: "100 high" },
];

let stack: RunningStockWiz | undefined;
let chromium: LaunchedChromium | undefined;
const offOriginRequests: string[] = [];

async function openDashboard(viewport?: { width: number; height: number }): Promise<Page> {
  if (!stack || !chromium) throw new Error("the stack and the browser start in beforeAll");
  const { baseUrl } = stack;
  const page = await chromium.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(`${baseUrl}/`) && !url.startsWith("data:")) offOriginRequests.push(url);
  });
  // Deleting asks for confirmation with the browser's own dialog.
  page.on("dialog", (dialog) => void dialog.accept());
  const response = await page.goto(`${baseUrl}/`);
  // Fails fast, with the status, when the gateway does not serve the page.
  expect(response?.status()).toBe(200);
  return page;
}

/** A call to the stack's API, as another client would make it beside the page. */
function api(path: string, method = "GET", body?: unknown): Promise<Response> {
  if (!stack) throw new Error("the stack starts in beforeAll");
  return fetch(`${stack.baseUrl}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
}

// Generous bounds, not speed checks: on a busy two-core machine the first start, which also
// builds the page, and each browser step can take far longer than on a quiet one.
const startBoundMs = 300_000;
const testBoundMs = 180_000;

describe("dashboard in Chromium against the real stack", { timeout: testBoundMs }, () => {
  beforeAll(async () => {
    // Ports of its own, so a developer's `npm start` or another run of the suite can keep running.
    const [gateway, productService, inventoryService] = (await freePorts(3)) as [
      number,
      number,
      number,
    ];
    stack = startStockWiz({ gateway, productService, inventoryService }, startBoundMs - 10_000);
    chromium = await launchChromium();
    await stack.ready;
  }, startBoundMs);

  afterAll(async () => {
    await chromium?.close();
    await stack?.stop();
  });

  it("when opened on a fresh stack, then shows the five seed products, their stock levels and the totals", async () => {
    const page = await openDashboard();

    for (const { name, badge } of seed) {
      await expect(productRow(page, name).locator(".badge").textContent()).resolves.toBe(badge);
    }
    await card(page, "total-products", "5").waitFor();
    await card(page, "units-in-stock", "405").waitFor();
    // Low means under 30 units: Monitor 4K, at exactly 30, is medium.
    await card(page, "low-stock", "0").waitFor();
    await expect(
      page.getByRole("img", { name: /Units in stock\. Mouse Logitech MX Master: 150/ }).count(),
    ).resolves.toBe(1);

    await mkdir(path.dirname(screenshotPath), { recursive: true });
    await page.screenshot({ path: screenshotPath, fullPage: true });
    expect(offOriginRequests).toEqual([]);
    await page.close();
  });

  it("when searching and sorting, then the products table follows", async () => {
    const page = await openDashboard();
    const rowHeaders = page.locator("#panel-products tbody th");
    await productRow(page, "Webcam HD").waitFor();

    await page.getByLabel("Search by name").fill("mecanico");
    await productRow(page, "Webcam HD").waitFor({ state: "detached" });
    await expect(rowHeaders.allTextContents()).resolves.toEqual(["Teclado Mecánico"]);

    await page.getByLabel("Search by name").fill("");
    const sortByStock = page
      .locator("#panel-products thead")
      .getByRole("button", { name: "Stock" });
    await sortByStock.click();
    await firstRowHeader(page, "Monitor 4K").waitFor();
    await expect(sortByStock.locator("..").getAttribute("aria-sort")).resolves.toBe("ascending");
    await sortByStock.click();
    await firstRowHeader(page, "Mouse Logitech MX Master").waitFor();
    await page.close();
  });

  it("when the API refuses a price, then its message shows next to the Price field and nothing is added", async () => {
    const page = await openDashboard();
    await productRow(page, "Webcam HD").waitFor();

    await page.getByRole("button", { name: "Add product" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a product" });
    await dialog.getByLabel("Name").fill("E2E Refused Price");
    await dialog.getByLabel("Price (USD)").fill("-5");
    await dialog.getByRole("button", { name: "Add product" }).click();

    const priceError = dialog.locator("#product-price-error");
    await priceError.waitFor();
    expect((await priceError.textContent())?.trim()).not.toBe("");
    const priceInput = dialog.getByLabel("Price (USD)");
    await expect(priceInput.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(priceInput.getAttribute("aria-describedby")).resolves.toContain(
      "product-price-error",
    );
    await expect(dialog.locator("#product-name-error").count()).resolves.toBe(0);

    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.reload();
    await productRow(page, "Webcam HD").waitFor();
    await expect(productRow(page, "E2E Refused Price").count()).resolves.toBe(0);
    await page.close();
  });

  it("when a product is added, stocked, edited, adjusted and deleted, then the tables and totals follow", async () => {
    const page = await openDashboard();
    const name = "E2E Desk Mat";
    const row = productRow(page, name);
    await productRow(page, "Webcam HD").waitFor();

    // Added with the keyboard only: the dialog opens on Name, Tab moves on, Enter saves.
    await page.getByRole("button", { name: "Add product" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction("document.activeElement?.id === 'product-name'");
    await page.keyboard.type(name);
    await page.keyboard.press("Tab");
    await page.keyboard.type("19.90");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Accessories");
    await page.keyboard.press("Enter");
    await expect(row.locator(".badge").textContent()).resolves.toBe("No stock row");
    await card(page, "total-products", "6").waitFor();
    await card(page, "low-stock", "1").waitFor();

    await row.getByRole("button", { name: `Add stock of ${name}` }).click();
    const stockDialog = page.getByRole("dialog", { name: "Add a stock row" });
    await stockDialog.getByLabel("Quantity").fill("12");
    await stockDialog.getByLabel("Warehouse").fill("Warehouse C");
    await stockDialog.getByRole("button", { name: "Add stock row" }).click();
    await row.locator(".badge").getByText("12 low").waitFor();
    await card(page, "units-in-stock", "417").waitFor();

    await row.getByRole("button", { name: `Edit ${name}` }).click();
    const editDialog = page.getByRole("dialog", { name: `Edit ${name}` });
    await editDialog.getByLabel("Price (USD)").fill("24.50");
    await editDialog.getByRole("button", { name: "Save changes" }).click();
    await row.getByRole("cell", { name: "$24.50" }).waitFor();

    await row.getByRole("button", { name: `Adjust stock of ${name}` }).click();
    const adjustDialog = page.getByRole("dialog", { name: `Adjust stock of ${name}` });
    await adjustDialog.getByLabel("Units").fill("40");
    await adjustDialog.getByLabel("Reason").fill("delivery received");
    await adjustDialog.getByRole("button", { name: "+ Add units" }).click();
    await row.locator(".badge").getByText("52 medium").waitFor();
    await page
      .getByRole("status")
      .getByText(`Stock of ${name} is now 52 units.`, { exact: true })
      .waitFor();
    // Opened again, the dialog lists the change with its reason, from the stock ledger.
    await row.getByRole("button", { name: `Adjust stock of ${name}` }).click();
    await adjustDialog
      .getByRole("listitem")
      .filter({ hasText: "+40 → 52 · delivery received" })
      .waitFor();
    await adjustDialog.getByRole("button", { name: "Cancel" }).click();
    await card(page, "low-stock", "0").waitFor();

    await page.getByRole("tab", { name: "Inventory" }).click();
    const rowOfStock = stockRow(page, name);
    await rowOfStock.getByRole("button", { name: `Edit stock of ${name}` }).click();
    const editStockDialog = page.getByRole("dialog", { name: `Edit stock of ${name}` });
    await editStockDialog.getByLabel("Quantity").fill("60");
    await editStockDialog.getByRole("button", { name: "Save changes" }).click();
    await rowOfStock.locator(".badge").getByText("60 medium").waitFor();
    await rowOfStock.getByRole("button", { name: `Delete stock row of ${name}` }).click();
    await rowOfStock.waitFor({ state: "detached" });

    await page.getByRole("tab", { name: "Products" }).click();
    await row.locator(".badge").getByText("No stock row").waitFor();
    await row.getByRole("button", { name: `Delete ${name}` }).click();
    await row.waitFor({ state: "detached" });
    await card(page, "total-products", "5").waitFor();
    await card(page, "units-in-stock", "405").waitFor();
    await page.close();
  });

  it("when the gateway answers 502 for products, then the page says the service is down instead of showing an empty table", async () => {
    const page = await openDashboard();
    // The all-in-one stack cannot lose one service alone, so the gateway's 502 answer is played here.
    await page.route("**/api/products-full*", (route) =>
      route.fulfill({
        status: 502,
        contentType: "application/problem+json",
        body: JSON.stringify({
          type: "about:blank",
          title: "Bad Gateway",
          status: 502,
          detail: "product-service is unreachable",
        }),
      }),
    );
    await page.reload();

    const alert = page
      .getByRole("alert")
      .filter({ hasText: "Products are unavailable right now." });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain("HTTP 502");
    await page.close();
  });

  it("when a stock row changes while its edit form is open, then saving shows the 412 and overwrites nothing", async () => {
    const name = "E2E Stale Edit";
    const product = await (await api("/api/products", "POST", { name, price: 5 })).json();
    const created = await api("/api/inventory", "POST", {
      product_id: product.id,
      quantity: 10,
      warehouse: "Warehouse C",
    });
    const rowId = (await created.json()).id;
    const page = await openDashboard();
    await page.getByRole("tab", { name: "Inventory" }).click();
    await stockRow(page, name)
      .getByRole("button", { name: `Edit stock of ${name}` })
      .click();
    const dialog = page.getByRole("dialog", { name: `Edit stock of ${name}` });

    // Someone else sells 3 units while the form is open.
    const sold = await api(`/api/inventory/${rowId}/adjust`, "POST", { delta: -3 });
    expect(sold.status).toBe(200);
    await dialog.getByLabel("Quantity").fill("60");
    await dialog.getByRole("button", { name: "Save changes" }).click();

    const refusal = dialog.getByRole("alert").filter({ hasText: "Your change was not saved." });
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toContain("it now holds 7 units in Warehouse C");
    await expect((await api(`/api/inventory/${rowId}`)).json()).resolves.toMatchObject({
      quantity: 7,
    });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.close();
    // Deleting the product deletes its stock row: the seed totals other tests read are back.
    expect((await api(`/api/products/${product.id}`, "DELETE")).status).toBe(204);
  });

  it("when units are reserved in the page and released again, then the level's available goes down and back up", async () => {
    const page = await openDashboard();
    const product = "Webcam HD";
    const reference = "E2E order 17";
    const stockDialog = page.getByRole("dialog", { name: `Adjust stock of ${product}` });
    const availableShows = async (units: string) => {
      await page.getByRole("tab", { name: "Products" }).click();
      await productRow(page, product)
        .getByRole("button", { name: `Adjust stock of ${product}` })
        .click();
      await availableAt(page, product, "Warehouse B", units).waitFor();
      await stockDialog.getByRole("button", { name: "Cancel" }).click();
    };
    await availableShows("100");

    await page.getByRole("tab", { name: "Reservations" }).click();
    const form = page.getByRole("form", { name: "Reserve units" });
    await form.getByLabel("Product").selectOption({ label: product });
    await form.getByLabel("Units").fill("5");
    await form.getByLabel("Reference").fill(reference);
    await form.getByRole("button", { name: "Reserve" }).click();
    const row = reservationRow(page, reference);
    await row.getByText(`${product} × 5 — Warehouse B: 5`).waitFor();
    // Fifteen minutes by default, counting down.
    await row.getByText(/^1[45]:\d\d$/).waitFor();
    await availableShows("95");

    await page.getByRole("tab", { name: "Reservations" }).click();
    await row.getByRole("button", { name: `Release ${reference}` }).click();
    await row.waitFor({ state: "detached" });
    await page.getByRole("status").getByText(`${reference} released.`, { exact: true }).waitFor();
    await availableShows("100");
    await page.close();
  });

  it("when a location is added, then it is listed; a location holding units is not deleted", async () => {
    const page = await openDashboard();
    const name = "E2E Dock 17";
    await page.getByRole("tab", { name: "Locations" }).click();
    await locationRow(page, "Warehouse A").waitFor();

    await page.getByRole("button", { name: "Add location" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a location" });
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByRole("button", { name: "Add location" }).click();
    await locationRow(page, name).waitFor();

    await locationRow(page, "Warehouse A")
      .getByRole("button", { name: "Delete location Warehouse A" })
      .click();
    await page
      .getByRole("alert")
      .getByText("Not deleted. The location holds units or reservations", { exact: true })
      .waitFor();
    await locationRow(page, name)
      .getByRole("button", { name: `Delete location ${name}` })
      .click();
    await locationRow(page, name).waitFor({ state: "detached" });
    await expect(locationRow(page, "Warehouse A").count()).resolves.toBe(1);
    await page.close();
  });

  it("when a product's threshold is set and its available taken to it in the page, then the Events tab lists it low, and newer events appear by themselves", async () => {
    const name = "E2E Cable Ties";
    const product = await (await api("/api/products", "POST", { name, price: 3 })).json();
    const created = await api("/api/inventory", "POST", {
      product_id: product.id,
      quantity: 40,
      warehouse: "Warehouse C",
    });
    const rowId = (await created.json()).id;
    const page = await openDashboard();
    const dialog = page.getByRole("dialog", { name: `Adjust stock of ${name}` });

    await productRow(page, name)
      .getByRole("button", { name: `Adjust stock of ${name}` })
      .click();
    await dialog.getByLabel("Low-stock threshold").fill("25");
    await dialog.getByRole("button", { name: "Set threshold" }).click();
    await dialog
      .getByRole("status")
      .getByText("Low-stock threshold set to 25.", { exact: true })
      .waitFor();
    await dialog.getByLabel("Units").fill("20");
    await dialog.getByRole("button", { name: "− Remove units" }).click();
    await page
      .getByRole("status")
      .getByText(`Stock of ${name} is now 20 units.`, { exact: true })
      .waitFor();

    await page.getByRole("tab", { name: "Events" }).click();
    const low = eventRow(page, name, "Low stock");
    await low.waitFor();
    // Read as a screen reader reads them: the arrow is hidden, "to" is said.
    await low.getByRole("cell", { name: "40 to 20", exact: true }).waitFor();
    await low.getByRole("cell", { name: "25", exact: true }).waitFor();

    // Someone else sells the rest while the tab is open: the next ask for newer events shows it.
    const sold = await api(`/api/inventory/${rowId}/adjust`, "POST", { delta: -20 });
    expect(sold.status).toBe(200);
    await eventRow(page, name, "Out of stock").waitFor();
    await expect(
      page.locator("#panel-events tbody tr").first().getByRole("rowheader").textContent(),
    ).resolves.toBe(name);
    await page.close();
    expect((await api(`/api/products/${product.id}`, "DELETE")).status).toBe(204);
  });

  it("when opened at phone width, then nothing overflows sideways", async () => {
    const page = await openDashboard({ width: 390, height: 844 });
    await productRow(page, "Webcam HD").waitFor();

    const pageWidth = await page.evaluate("document.documentElement.scrollWidth");
    expect(pageWidth).toBeLessThanOrEqual(390);
    await page.close();
  });
});
