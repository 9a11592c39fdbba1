// SQLSTATE codes (PostgreSQL appendix A); the same from node-postgres and from PGlite.
const sqlState = (error: unknown): string | undefined =>
  typeof error === "object" && error !== null && "code" in error && typeof error.code === "string"
    ? error.code
    : undefined;

export const isUniqueViolation = (error: unknown) => sqlState(error) === "23505";
export const isForeignKeyViolation = (error: unknown) => sqlState(error) === "23503";

/**
 * The statement was refused for the data it carried (classes 22 and 23): it wrote nothing,
 * and another statement without the offending row may succeed.
 */
export const isRefusedForItsData = (error: unknown) => /^2[23]/.test(sqlState(error) ?? "");
