import { useMemo, useState } from "preact/hooks";
import type { MergedProduct, StockRow } from "./api/api-schemas.ts";
import { describeFailure } from "./api/describe-failure.ts";
import { deleteProduct, deleteStockRow } from "./api/stockwiz-api.ts";
import { ServiceAlert } from "./components/service-alert.tsx";
import { StockChart } from "./components/stock-chart.tsx";
import { SummaryCards } from "./components/summary-cards.tsx";
import { type TabDefinition, TabList } from "./components/tab-list.tsx";
import type { DashboardDialog } from "./dashboard-dialogs.ts";
import { InventoryPanel } from "./inventory/inventory-panel.tsx";
import { OpenDialog } from "./open-dialog.tsx";
import { ProductsPanel } from "./products/products-panel.tsx";
import { useDashboardData } from "./state/use-dashboard-data.ts";
import { summarizeStock } from "./stock/summarize-stock.ts";

type TabId = "products" | "inventory";

const tabs: readonly TabDefinition<TabId>[] = [
  { id: "products", label: "Products" },
  { id: "inventory", label: "Inventory" },
];

interface Notice {
  text: string;
  failed: boolean;
}

export function App() {
  const data = useDashboardData();
  const [tab, setTab] = useState<TabId>("products");
  const [dialog, setDialog] = useState<DashboardDialog>();
  const [notice, setNotice] = useState<Notice>();
  const products = data.products ?? [];
  const productNames = useMemo(
    () => new Map(products.map((product) => [product.id, product.name])),
    [products],
  );
  const productsWithoutStock = products.filter((product) => !product.inventory);

  const saved = (text: string) => {
    setDialog(undefined);
    setNotice({ text, failed: false });
    void data.reload();
  };

  const remove = async (question: string, done: string, action: () => Promise<void>) => {
    if (!window.confirm(question)) return;
    try {
      await action();
      saved(done);
    } catch (error) {
      setNotice({ text: `Not deleted. ${describeFailure(error)}`, failed: true });
    }
  };

  const openStockOf = (product: MergedProduct) => {
    if (!product.inventory) return setDialog({ kind: "create-stock", productId: product.id });
    const row = data.inventory?.find((candidate) => candidate.product_id === product.id);
    if (row) return setDialog({ kind: "adjust-stock", row });
    setNotice({ text: "Stock rows are unavailable right now; retry in a moment.", failed: true });
  };

  const deleteProductRow = (product: MergedProduct) =>
    remove(`Delete “${product.name}” and its stock?`, `Product “${product.name}” deleted.`, () =>
      deleteProduct(product.id),
    );

  const deleteStock = (row: StockRow) => {
    const name = productNames.get(row.product_id) ?? `product #${row.product_id}`;
    return remove(`Delete the stock row of ${name}?`, `Stock row of ${name} deleted.`, () =>
      deleteStockRow(row.id),
    );
  };

  return (
    <>
      <header class="page-header">
        <h1>StockWiz</h1>
        <div class="page-header__actions">
          <button
            type="button"
            class="button--quiet"
            onClick={() => setDialog({ kind: "api-key" })}
          >
            API key
          </button>
          <button
            type="button"
            onClick={() => void data.reload(true)}
            disabled={data.loading}
            aria-busy={data.loading}
          >
            {data.loading ? "Refreshing…" : "Refresh"}
          </button>
        </div>
      </header>
      <main>
        {data.productsError && (
          <ServiceAlert
            subject="Products"
            error={data.productsError}
            onRetry={() => void data.reload(true)}
          />
        )}
        {data.inventoryError && (
          <ServiceAlert
            subject="Stock rows"
            error={data.inventoryError}
            onRetry={() => void data.reload(true)}
          />
        )}
        {/* Both regions stay in the page: screen readers announce changes only in regions they already know. */}
        <p class="notice" role="status">
          {notice && !notice.failed ? notice.text : ""}
        </p>
        <p class="notice notice--failed" role="alert">
          {notice?.failed ? notice.text : ""}
        </p>
        <SummaryCards summary={data.products && summarizeStock(data.products)} />
        <StockChart products={products} />
        <section class="data-tabs" aria-label="Products and stock">
          <TabList label="Data" tabs={tabs} selected={tab} onSelect={setTab} />
          <div
            id="panel-products"
            role="tabpanel"
            aria-labelledby="tab-products"
            hidden={tab !== "products"}
          >
            {data.products === undefined && data.loading && <p class="empty">Loading products…</p>}
            <ProductsPanel
              products={data.products}
              onAdd={() => setDialog({ kind: "create-product" })}
              onEdit={(product) => setDialog({ kind: "edit-product", product })}
              onStock={openStockOf}
              onDelete={(product) => void deleteProductRow(product)}
            />
          </div>
          <div
            id="panel-inventory"
            role="tabpanel"
            aria-labelledby="tab-inventory"
            hidden={tab !== "inventory"}
          >
            {data.inventory === undefined && data.loading && (
              <p class="empty">Loading stock rows…</p>
            )}
            <InventoryPanel
              rows={data.inventory}
              productNames={productNames}
              canAdd={productsWithoutStock.length > 0}
              onAdd={() => setDialog({ kind: "create-stock" })}
              onEdit={(row) => setDialog({ kind: "edit-stock", row })}
              onAdjust={(row) => setDialog({ kind: "adjust-stock", row })}
              onDelete={(row) => void deleteStock(row)}
            />
          </div>
        </section>
      </main>
      {dialog && (
        <OpenDialog
          dialog={dialog}
          products={products}
          productNames={productNames}
          onDone={saved}
          onClose={() => setDialog(undefined)}
        />
      )}
    </>
  );
}
