import type { MergedProduct } from "../api/api-schemas.ts";

export interface ProductFilter {
  search: string;
  /** Empty means every category. */
  category: string;
}

/** Products whose name contains the search text (ignoring case and accents) in the chosen category. */
export function filterProducts(
  products: readonly MergedProduct[],
  filter: ProductFilter,
): MergedProduct[] {
  const wanted = foldForSearch(filter.search.trim());
  return products.filter(
    (product) =>
      (!filter.category || product.category === filter.category) &&
      foldForSearch(product.name).includes(wanted),
  );
}

/** Distinct categories, sorted, for the filter menu. */
export function categoriesOf(products: readonly MergedProduct[]): string[] {
  const categories = new Set(products.flatMap((product) => product.category ?? []));
  return [...categories].sort((a, b) => a.localeCompare(b));
}

// "Teclado Mecanico" finds "Teclado Mecánico".
function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
}
