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
