import type { StockLevel } from "../api/api-schemas.ts";
import { formatCount } from "../format/format-count.ts";

/** A product's units per location: on hand, held by reservations, and free to use. */
export function StockLevelsTable({ levels }: { levels: readonly StockLevel[] }) {
  if (levels.length === 0) return <p class="empty">No units at any location.</p>;
  return (
    <div class="table-scroll">
      <table class="levels-table">
        <caption class="visually-hidden">Stock by location</caption>
        <thead>
          <tr>
            <th scope="col">Location</th>
            <th scope="col" class="numeric">
              On hand
            </th>
            <th scope="col" class="numeric">
              Reserved
            </th>
            <th scope="col" class="numeric">
              Available
            </th>
          </tr>
        </thead>
        <tbody>
          {levels.map((level) => (
            <tr key={level.location_id} data-location-id={level.location_id}>
              <th scope="row">{level.location}</th>
              <td class="numeric" data-label="On hand">
                {formatCount(level.on_hand)}
              </td>
              <td class="numeric" data-label="Reserved">
                {formatCount(level.reserved)}
              </td>
              <td class="numeric" data-label="Available">
                {formatCount(level.available)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
