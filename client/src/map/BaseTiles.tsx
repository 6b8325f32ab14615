import { useMemo, useRef } from 'react';
import { TileLayer, useMap } from 'react-leaflet';
import type { LeafletEventHandlerFnMap } from 'leaflet';

const TRANSPARENT_PIXEL = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

export interface BaseTilesProps {
  url: string;
  attribution: string;
  /** Called once when tiles keep failing (offline, blocked) and once when they load again. */
  onAvailabilityChange?: (available: boolean) => void;
}

/**
 * Background tiles. When they cannot be loaded the map keeps working on its plain background: failed
 * tiles become transparent and the page is told, so that it can say so in words.
 */
export function BaseTiles({ url, attribution, onAvailabilityChange }: BaseTilesProps) {
  const map = useMap();
  const state = useRef<{ loaded: number; failed: number; reported: boolean | null }>({ loaded: 0, failed: 0, reported: null });
  const handlers = useMemo<LeafletEventHandlerFnMap>(
    () => ({
      tileload: (event) => {
        // A failed tile is replaced by the transparent pixel, which then "loads": that is no success.
        if ((event as unknown as { tile?: HTMLImageElement }).tile?.src.startsWith('data:')) return;
        state.current.loaded += 1;
        if (state.current.reported !== true) {
          state.current.reported = true;
          map.getContainer().dataset.tiles = 'available';
          onAvailabilityChange?.(true);
        }
      },
      tileerror: () => {
        state.current.failed += 1;
        if (state.current.loaded === 0 && state.current.failed >= 2 && state.current.reported !== false) {
          state.current.reported = false;
          map.getContainer().dataset.tiles = 'unavailable';
          onAvailabilityChange?.(false);
        }
      },
    }),
    [map, onAvailabilityChange],
  );
  return (
    <TileLayer url={url} attribution={attribution} errorTileUrl={TRANSPARENT_PIXEL} crossOrigin maxZoom={19} eventHandlers={handlers} />
  );
}
