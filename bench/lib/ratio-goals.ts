/** The rows of the ceiling servers (bench/ceiling-server.ts), by the ceiling they measure. */
export const ceilingLabels = {
  fastify: "ceiling: bare Fastify (same 100-byte body)",
  generation: "ceiling: bare Fastify + cache generation read (Redis)",
} as const;

/** The merged read from the gateway in two processes (SERVER_PROCESSES=2), beside the shipped one. */
export const twoGatewayProcessesLabel =
  "gateway GET /api/products/1, the gateway in two processes (comparison)";

/**
 * A row's bound: one of the ceiling rows, or "cpu": the machine's cores divided by the CPU one
 * request cost the stack (services, PostgreSQL, Redis) in this run, as if the load generator
 * took nothing.
 */
export type Ceiling = keyof typeof ceilingLabels | "cpu";

export interface Goal {
  legacyRatio: string;
  legacyP99: string;
  goal: number;
  /** What bounds this row in the run: a ceiling row, or the stack's CPU ("cpu"). */
  ceiling: Ceiling;
}

/** The legacy figures of issue 7 and the goals, as issue 16 raised them, by row label. */
export const goals: Record<string, Goal> = {
  "gateway GET /api/products/1": {
    legacyRatio: "0.42–0.48",
    legacyP99: "9 ms",
    goal: 0.6,
    ceiling: "generation",
  },
  "product service GET /products/1": {
    legacyRatio: "0.06–0.09",
    legacyP99: "42–70 ms",
    goal: 0.7,
    ceiling: "generation",
  },
  "gateway GET /api/products": {
    legacyRatio: "0.04–0.05",
    legacyP99: "178–188 ms",
    goal: 0.55,
    ceiling: "generation",
  },
  "gateway GET /api/inventory": {
    legacyRatio: "0.14–0.15",
    legacyP99: "25–31 ms",
    goal: 0.55,
    ceiling: "generation",
  },
  "gateway GET /api/products-full (warm)": {
    legacyRatio: "0.48–0.55",
    legacyP99: "7–8 ms",
    goal: 0.6,
    ceiling: "generation",
  },
  "gateway GET /health": {
    legacyRatio: "0.05",
    legacyP99: "169–229 ms",
    goal: 0.75,
    ceiling: "fastify",
  },
  "gateway POST /api/products": {
    legacyRatio: "0.02",
    legacyP99: "156–374 ms",
    goal: 0.1,
    ceiling: "cpu",
  },
};
