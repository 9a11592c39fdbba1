/** The five rows a fresh database holds (CONTRACT.md §2), as the API shows them. */
export const seedProducts = [
  {
    id: 1,
    name: "Laptop Dell XPS 13",
    description: "Ultrabook potente y ligera",
    price: 1299.99,
    category: "Electronics",
  },
  {
    id: 2,
    name: "Mouse Logitech MX Master",
    description: "Mouse ergonómico inalámbrico",
    price: 99.99,
    category: "Electronics",
  },
  {
    id: 3,
    name: "Teclado Mecánico",
    description: "Teclado mecánico RGB",
    price: 149.99,
    category: "Electronics",
  },
  {
    id: 4,
    name: "Monitor 4K",
    description: "Monitor 27 pulgadas 4K",
    price: 499.99,
    category: "Electronics",
  },
  {
    id: 5,
    name: "Webcam HD",
    description: "Cámara web Full HD",
    price: 79.99,
    category: "Electronics",
  },
] as const;

export const seedStock = [
  { id: 1, product_id: 1, quantity: 50, warehouse: "Warehouse A" },
  { id: 2, product_id: 2, quantity: 150, warehouse: "Warehouse A" },
  { id: 3, product_id: 3, quantity: 75, warehouse: "Warehouse B" },
  { id: 4, product_id: 4, quantity: 30, warehouse: "Warehouse A" },
  { id: 5, product_id: 5, quantity: 100, warehouse: "Warehouse B" },
] as const;
