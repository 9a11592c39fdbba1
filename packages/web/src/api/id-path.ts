/** Path parameters of a numeric id: ids travel as text, as the API description says (digits only). */
export const idPath = (id: number) => ({ path: { id: String(id) } });
