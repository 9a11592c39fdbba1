import { fileURLToPath } from "node:url";
import {
  type CpuAccount,
  type LoadResult,
  type LoadSettings,
  measure,
  type Target,
  warm,
} from "./load.ts";
import { type OperationLatency, timeOperations } from "./operation-latency.ts";
import { checkNeverOversold, type OversoldCheck, type RowAnswers } from "./oversold-check.ts";
import {
  activeReservations,
  levelsAfterRow,
  type ReservationStock,
  seedReservationStock,
  unitsHeldBy,
} from "./reservation-stock.ts";

const reserveScript = fileURLToPath(new URL("../wrk-reserve.lua", import.meta.url));

export const reservationLabels = {
  hot: "reservations: one hot item, 64 clients",
  distinct: "reservations: 1,000 items, 64 clients",
} as const;

/** Issue 17's concurrency for both rows, whatever --connections says. */
export const reservationClients = 64;
export const distinctItems = 1_000;
/**
 * The hot item's units per second of its row: at the goal's 800/s it never runs out, so a
 * stack at the goal is measured on 201s; a faster one sells out, and the "never oversold"
 * check then bites at the boundary, under the row's full concurrency.
 */
export const hotUnitsPerSecond = 1_000;
// No rate one machine reaches empties one of the 1,000 items within a row.
const distinctUnitsEach = 1_000;

export interface ReservationRow {
  readonly label: string;
  readonly load: LoadResult;
  readonly check: OversoldCheck;
}

export interface ReservationBench {
  readonly hot: ReservationRow;
  readonly distinct: ReservationRow;
  /** One at a time, on reservations the 1,000-item row left active. */
  readonly commit: OperationLatency;
  readonly release: OperationLatency;
}

export interface ReservationSettings extends Omit<LoadSettings, "connections"> {
  /** Seconds of the warm-up, on the 1,000 items. */
  readonly warmSeconds: number;
  /** Commits, and as many releases, timed. */
  readonly operations: number;
}

const references = { warm: "bench-warm-up", hot: "bench-hot", distinct: "bench-distinct" };

function reserveTarget(
  gatewayUrl: string,
  stock: ReservationStock,
  label: string,
  reference: string,
): Target {
  return {
    label,
    url: `${gatewayUrl}/`,
    script: {
      path: reserveScript,
      env: {
        WRK_FIRST_PRODUCT: String(stock.firstProduct),
        WRK_PRODUCTS: String(stock.products),
        WRK_LOCATION: String(stock.locationId),
        WRK_REFERENCE: reference,
      },
    },
  };
}

/** What the clients were told; every client may have had one request cut off at the end. */
function answersOf(load: LoadResult): RowAnswers {
  return {
    created: load.answers?.created ?? 0,
    refused: load.answers?.refused ?? 0,
    other: load.answers?.other ?? 0,
    unanswered: load.errors + load.timeouts,
    cutOff: reservationClients,
  };
}

/**
 * Issue 17's reservation rows through the gateway on the stack's scratch database: one hot
 * item, then 1,000 items, 64 clients each, every row checked against overselling on the
 * database once it is over; then commit and release latency.
 */
export async function measureReservations(
  gatewayUrl: string,
  databaseUrl: string,
  settings: ReservationSettings,
  watch: Record<string, number>,
  cpu: CpuAccount,
): Promise<ReservationBench> {
  const load = { ...settings, connections: reservationClients };
  const hotStock = await seedReservationStock(databaseUrl, {
    products: 1,
    unitsEach: hotUnitsPerSecond * settings.duration,
  });
  const distinctStock = await seedReservationStock(databaseUrl, {
    products: distinctItems,
    unitsEach: distinctUnitsEach,
  });
  const row = async (label: string, reference: string, stock: ReservationStock) => {
    const result = await measure(
      reserveTarget(gatewayUrl, stock, label, reference),
      load,
      watch,
      cpu,
    );
    const check = checkNeverOversold(
      await levelsAfterRow(databaseUrl, stock),
      answersOf(result),
      await unitsHeldBy(databaseUrl, reference),
    );
    return { label, load: result, check };
  };
  // On the 1,000 items, which it barely dents: the hot item's units are all its row's.
  await warm(reserveTarget(gatewayUrl, distinctStock, "warm-up", references.warm), {
    ...load,
    duration: settings.warmSeconds,
  });
  const hot = await row(reservationLabels.hot, references.hot, hotStock);
  const distinct = await row(reservationLabels.distinct, references.distinct, distinctStock);
  const ids = await activeReservations(databaseUrl, references.distinct, 2 * settings.operations);
  const half = Math.floor(ids.length / 2);
  const url = (id: string, action: string) =>
    `${gatewayUrl}/api/inventory/reservations/${id}/${action}`;
  return {
    hot,
    distinct,
    commit: await timeOperations(
      "commit",
      ids.slice(0, half).map((id) => url(id, "commit")),
      cpu,
    ),
    release: await timeOperations(
      "release",
      ids.slice(half, 2 * half).map((id) => url(id, "release")),
      cpu,
    ),
  };
}
