import { useState } from "preact/hooks";
import type { NewProduct, Product, ProductChanges } from "../api/api-schemas.ts";
import { createProduct, updateProduct } from "../api/stockwiz-api.ts";
import { FormAlert } from "../components/form-alert.tsx";
import { TextField } from "../components/text-field.tsx";
import { FormActions } from "../forms/form-actions.tsx";
import { parseNumberInput } from "../forms/parse-number-input.ts";
import { useFormSubmission } from "../forms/use-form-submission.ts";

const fields = ["name", "description", "price", "category"] as const;

interface ProductFormProps {
  /** The product to edit; a new one is created when absent. */
  product?: Product | undefined;
  onSaved: (product: Product) => void;
  onCancel: () => void;
}

export function ProductForm({ product, onSaved, onCancel }: ProductFormProps) {
  const [name, setName] = useState(product?.name ?? "");
  const [description, setDescription] = useState(product?.description ?? "");
  const [price, setPrice] = useState(product ? String(product.price) : "");
  const [category, setCategory] = useState(product?.category ?? "");
  const { errors, setErrors, busy, submit } = useFormSubmission(fields);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const enteredPrice = parseNumberInput(price);
    if (enteredPrice === null) {
      setErrors({ fields: { price: "Enter the price as a number, such as 19.90." }, general: [] });
      return;
    }
    const entered: NewProduct = {
      name: name.trim(),
      description: description.trim() || null,
      price: enteredPrice,
      category: category.trim() || null,
    };
    if (!product) {
      void submit(async () => onSaved(await createProduct(withoutEmptyOptionals(entered))));
      return;
    }
    const changes = changedFields(product, entered);
    if (Object.keys(changes).length === 0) {
      setErrors({ fields: {}, general: ["Nothing to save: no field was changed."] });
      return;
    }
    void submit(async () => onSaved(await updateProduct(product.id, changes)));
  };

  return (
    <form class="dialog-form" noValidate onSubmit={onSubmit}>
      <TextField
        id="product-name"
        label="Name"
        value={name}
        onValue={setName}
        required
        autoFocus
        error={errors.fields.name}
      />
      <TextField
        id="product-price"
        label="Price (USD)"
        inputMode="decimal"
        value={price}
        onValue={setPrice}
        required
        error={errors.fields.price}
      />
      <TextField
        id="product-category"
        label="Category"
        value={category}
        onValue={setCategory}
        error={errors.fields.category}
      />
      <TextField
        id="product-description"
        label="Description"
        multiline
        value={description}
        onValue={setDescription}
        error={errors.fields.description}
      />
      <FormAlert messages={errors.general} />
      <FormActions
        busy={busy}
        submitLabel={product ? "Save changes" : "Add product"}
        onCancel={onCancel}
      />
    </form>
  );
}

// PUT is a partial update: only what the person changed is sent.
function changedFields(product: Product, entered: NewProduct): ProductChanges {
  const changes: ProductChanges = {};
  if (entered.name !== product.name) changes.name = entered.name;
  if (entered.description !== (product.description || null))
    changes.description = entered.description;
  if (entered.price !== product.price) changes.price = entered.price;
  if (entered.category !== (product.category || null)) changes.category = entered.category;
  return changes;
}

function withoutEmptyOptionals({ description, category, ...required }: NewProduct): NewProduct {
  return {
    ...required,
    ...(description ? { description } : {}),
    ...(category ? { category } : {}),
  };
}
