import type { Location, MergedProduct, Product, StockRow } from "./api/api-schemas.ts";
import { ApiKeyForm } from "./components/api-key-form.tsx";
import { ModalDialog } from "./components/modal-dialog.tsx";
import type { DashboardDialog } from "./dashboard-dialogs.ts";
import { StockDetail } from "./inventory/stock-detail.tsx";
import { StockForm } from "./inventory/stock-form.tsx";
import { LocationForm } from "./locations/location-form.tsx";
import { ProductForm } from "./products/product-form.tsx";

interface OpenDialogProps {
  dialog: DashboardDialog;
  products: readonly MergedProduct[];
  productNames: ReadonlyMap<number, string>;
  locations: readonly Location[];
  onDone: (message: string) => void;
  /** Told after a location was added or renamed, so that the locations are read again. */
  onLocationsChanged: () => void;
  /** Told when stock changed while the dialog stays open (units moved). */
  onChanged: () => void;
  onClose: () => void;
}

/** The form of the dialog that is open, saying what it saved when it is done. */
export function OpenDialog(props: OpenDialogProps) {
  const { dialog, products, productNames, locations, onDone, onChanged, onClose } = props;
  const nameOf = (row: StockRow) =>
    productNames.get(row.product_id) ?? `product #${row.product_id}`;
  switch (dialog.kind) {
    case "create-product":
    case "edit-product": {
      const product = dialog.kind === "edit-product" ? dialog.product : undefined;
      const saved = (result: Product) =>
        onDone(`Product “${result.name}” ${product ? "updated" : "added"}.`);
      return (
        <ModalDialog title={product ? `Edit ${product.name}` : "Add a product"} onClose={onClose}>
          <ProductForm product={product} onSaved={saved} onCancel={onClose} />
        </ModalDialog>
      );
    }
    case "create-stock":
    case "edit-stock": {
      const row = dialog.kind === "edit-stock" ? dialog.row : undefined;
      const saved = (result: StockRow) =>
        onDone(`Stock of ${nameOf(result)} saved: ${result.quantity} units.`);
      return (
        <ModalDialog
          title={row ? `Edit stock of ${nameOf(row)}` : "Add a stock row"}
          onClose={onClose}
        >
          <StockForm
            row={row}
            productsWithoutStock={products.filter((product) => !product.inventory)}
            initialProductId={dialog.kind === "create-stock" ? dialog.productId : undefined}
            onSaved={saved}
            onCancel={onClose}
          />
        </ModalDialog>
      );
    }
    case "api-key":
      return (
        <ModalDialog title="API key for changes" onClose={onClose}>
          <ApiKeyForm onDone={onDone} onCancel={onClose} />
        </ModalDialog>
      );
    case "adjust-stock": {
      const saved = (row: StockRow) =>
        onDone(`Stock of ${nameOf(row)} is now ${row.quantity} units.`);
      return (
        <ModalDialog title={`Adjust stock of ${nameOf(dialog.row)}`} onClose={onClose}>
          <StockDetail
            row={dialog.row}
            locations={locations}
            onAdjusted={saved}
            onMoved={onChanged}
            onCancel={onClose}
          />
        </ModalDialog>
      );
    }
    case "create-location":
    case "rename-location": {
      const location = dialog.kind === "rename-location" ? dialog.location : undefined;
      const saved = (result: Location) => {
        props.onLocationsChanged();
        onDone(location ? `${location.name} renamed ${result.name}.` : `${result.name} added.`);
      };
      return (
        <ModalDialog
          title={location ? `Rename ${location.name}` : "Add a location"}
          onClose={onClose}
        >
          <LocationForm location={location} onSaved={saved} onCancel={onClose} />
        </ModalDialog>
      );
    }
  }
}
