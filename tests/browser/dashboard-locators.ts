import type { Page } from "playwright-core";

/** The products table row whose name cell is exactly `name`. */
export const productRow = (page: Page, name: string) =>
  page
    .locator("#panel-products tbody tr")
    .filter({ has: page.getByRole("rowheader", { name, exact: true }) });

/** The stock table row of the product named `name`. */
export const stockRow = (page: Page, name: string) =>
  page
    .locator("#panel-inventory tbody tr")
    .filter({ has: page.getByRole("rowheader", { name, exact: true }) });

/** Matches only while the products table's first row is `name`. */
export const firstRowHeader = (page: Page, name: string) =>
  page.locator("#panel-products tbody tr:first-child th", { hasText: name });

/** Matches only while the summary card `testId` shows exactly `value`. */
export const card = (page: Page, testId: string, value: string) =>
  page.getByTestId(testId).locator(".card__value").getByText(value, { exact: true });

/** Matches only while the stock dialog of `product` shows `units` available at `location`. */
export const availableAt = (page: Page, product: string, location: string, units: string) =>
  page
    .getByRole("dialog", { name: `Adjust stock of ${product}` })
    .getByRole("table", { name: "Stock by location" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: location, exact: true }) })
    .locator('td[data-label="Available"]')
    .getByText(units, { exact: true });

/** The row of the active reservation named `name` (its reference). */
export const reservationRow = (page: Page, name: string) =>
  page
    .locator("#panel-reservations tbody tr")
    .filter({ has: page.getByRole("rowheader", { name, exact: true }) });

/** The row of the location named `name` in the Locations tab. */
export const locationRow = (page: Page, name: string) =>
  page
    .locator("#panel-locations tbody tr")
    .filter({ has: page.getByRole("rowheader", { name, exact: true }) });

/** The row of the Events tab about product `name` whose kind reads `kind` ("Low stock"). */
export const eventRow = (page: Page, name: string, kind: string) =>
  page
    .locator("#panel-events tbody tr")
    .filter({ has: page.getByRole("rowheader", { name, exact: true }) })
    .filter({ has: page.getByText(kind, { exact: true }) });
