const priceFormats = new Map<string, Intl.NumberFormat>();

/** A price in US dollars, as the legacy dashboard showed it: `$1,299.99`. */
export function formatPrice(price: number, locale = "en-US"): string {
  if (!Number.isFinite(price)) return "—";
  let format = priceFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "currency", currency: "USD" });
    priceFormats.set(locale, format);
  }
  return format.format(price);
}
