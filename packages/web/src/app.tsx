import { useMemo, useState } from "preact/hooks";
import type { Location, MergedProduct, StockRow } from "./api/api-schemas.ts";
import { describeFailure } from "./api/describe-failure.ts";
import { deleteLocation, listLocations } from "./api/locations-api.ts";
import { deleteProduct, deleteStockRow } from "./api/stockwiz-api.ts";
import { ServiceAlert } from "./components/service-alert.tsx";
import { StockChart } from "./components/stock-chart.tsx";
import { SummaryCards } from "./components/summary-cards.tsx";
import { type TabDefinition, TabList } from "./components/tab-list.tsx";
import { TabPanel } from "./components/tab-panel.tsx";
import type { DashboardDialog } from "./dashboard-dialogs.ts";
import { EventsPanel } from "./events/events-panel.tsx";
import { InventoryPanel } from "./inventory/inventory-panel.tsx";
import { LocationsPanel } from "./locations/locations-panel.tsx";
import { OpenDialog } from "./open-dialog.tsx";
import { ProductsPanel } from "./products/products-panel.tsx";
import { ReservationsPanel } from "./reservations/reservations-panel.tsx";
import { useDashboardData } from "./state/use-dashboard-data.ts";
import { useLoadedList } from "./state/use-loaded-list.ts";
import { summarizeStock } from "./stock/summarize-stock.ts";

type TabId = "products" | "inventory" | "locations" | "reservations" | "events";

const tabs: readonly TabDefinition<TabId>[] = [
  { id: "products", label: "Products" },
  { id: "inventory", label: "Inventory" },
  { id: "locations", label: "Locations" },
  { id: "reservations", label: "Reservations" },
  { id: "events", label: "Events" },
];

interface Notice {
  text: string;
  failed: boolean;
}

export function App() {
  const data = useDashboardData();
  const locations = useLoadedList(listLocations);
  const [tab, setTab] = useState<TabId>("products");
  const [dialog, setDialog] = useState<DashboardDialog>();
  const [notice, setNotice] = useState<Notice>();
  // Counts presses of Refresh, so that the lists the tabs read themselves are read again too.
  const [refreshes, setRefreshes] = useState(0);
  const products = data.products ?? [];
  const productNames = useMemo(
    () => new Map(products.map((product) => [product.id, product.name])),
    [products],
  );
  const productsWithoutStock = products.filter((product) => !product.inventory);

  const refresh = () => {
    void data.reload(true);
    void locations.reload();
    setRefreshes((count) => count + 1);
  };

  const saved = (text: string) => {
    setDialog(undefined);
    setNotice({ text, failed: false });
    void data.reload();
  };

  const failed = (text: string) => setNotice({ text, failed: true });

  const remove = async (question: string, done: string, action: () => Promise<void>) => {
    if (!window.confirm(question)) return;
    try {
      await action();
      saved(done);
    } catch (error) {
      failed(`Not deleted. ${describeFailure(error)}`);
    }
  };

  const openStockOf = (product: MergedProduct) => {
    if (!product.inventory) return setDialog({ kind: "create-stock", productId: product.id });
    const row = data.inventory?.find((candidate) => candidate.product_id === product.id);
    if (row) return setDialog({ kind: "adjust-stock", row });
    failed("Stock rows are unavailable right now; retry in a moment.");
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

  const deleteLocationRow = (location: Location) =>
    remove(`Delete the location ${location.name}?`, `${location.name} deleted.`, async () => {
      await deleteLocation(location.id);
      void locations.reload();
    });

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
          <button type="button" onClick={refresh} disabled={data.loading} aria-busy={data.loading}>
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
          <TabPanel id="products" selected={tab}>
            {data.products === undefined && data.loading && <p class="empty">Loading products…</p>}
            <ProductsPanel
              products={data.products}
              onAdd={() => setDialog({ kind: "create-product" })}
              onEdit={(product) => setDialog({ kind: "edit-product", product })}
              onStock={openStockOf}
              onDelete={(product) => void deleteProductRow(product)}
            />
          </TabPanel>
          <TabPanel id="inventory" selected={tab}>
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
          </TabPanel>
          <TabPanel id="locations" selected={tab}>
            {locations.error && (
              <ServiceAlert
                subject="Locations"
                error={locations.error}
                onRetry={() => void locations.reload()}
              />
            )}
            <LocationsPanel
              locations={locations.items}
              onAdd={() => setDialog({ kind: "create-location" })}
              onRename={(location) => setDialog({ kind: "rename-location", location })}
              onDelete={(location) => void deleteLocationRow(location)}
            />
          </TabPanel>
          <TabPanel id="reservations" selected={tab}>
            <ReservationsPanel
              refreshes={refreshes}
              products={products}
              productNames={productNames}
              locations={locations.items ?? []}
              onDone={saved}
              onFailed={failed}
            />
          </TabPanel>
          <TabPanel id="events" selected={tab}>
            {/* Mounted only while its tab is open: read afresh on opening, polled only while seen. */}
            {tab === "events" && (
              <EventsPanel
                refreshes={refreshes}
                productNames={productNames}
                locations={locations.items ?? []}
              />
            )}
          </TabPanel>
        </section>
      </main>
      {dialog && (
        <OpenDialog
          dialog={dialog}
          products={products}
          productNames={productNames}
          locations={locations.items ?? []}
          onDone={saved}
          onLocationsChanged={() => void locations.reload()}
          onChanged={() => void data.reload()}
          onClose={() => setDialog(undefined)}
        />
      )}
    </>
  );
}
