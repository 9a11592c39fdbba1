import type { Location } from "../api/api-schemas.ts";
import { formatDateTime } from "../format/format-date-time.ts";

interface LocationsPanelProps {
  locations: readonly Location[] | undefined;
  onAdd: () => void;
  onRename: (location: Location) => void;
  onDelete: (location: Location) => void;
}

/** The places that hold stock; one that still holds units or reservations cannot be deleted. */
export function LocationsPanel({ locations, onAdd, onRename, onDelete }: LocationsPanelProps) {
  return (
    <div>
      <div class="toolbar">
        <button type="button" class="button--primary toolbar__action" onClick={onAdd}>
          Add location
        </button>
      </div>
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">Locations</caption>
          <thead>
            <tr>
              <th scope="col" class="numeric">
                ID
              </th>
              <th scope="col">Name</th>
              <th scope="col">Last changed</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {(locations ?? []).map((location) => (
              <tr key={location.id} data-location-id={location.id}>
                <td class="numeric" data-label="ID">
                  {location.id}
                </td>
                <th scope="row">{location.name}</th>
                <td data-label="Last changed">
                  <time dateTime={location.updated_at}>{formatDateTime(location.updated_at)}</time>
                </td>
                <td>
                  <div class="row-actions">
                    <button
                      type="button"
                      onClick={() => onRename(location)}
                      aria-label={`Rename ${location.name}`}
                    >
                      Rename
                    </button>
                    <button
                      type="button"
                      class="button--danger"
                      onClick={() => onDelete(location)}
                      aria-label={`Delete location ${location.name}`}
                    >
                      Delete
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {locations?.length === 0 && <p class="empty">No locations yet.</p>}
    </div>
  );
}
