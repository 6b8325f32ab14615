import { useEffect, useLayoutEffect, useRef } from 'react';
import { useMap, useMapEvents } from 'react-leaflet';
import type { Map as LeafletMap } from 'leaflet';
import { sameViewport, type Viewport } from './viewport';

export interface ViewportUrlSyncProps {
  /** The viewport in the URL (null when the URL has none). */
  viewport: Viewport | null;
  /** The user moved the map: write this viewport to the URL (replacing, not pushing, history). */
  onChange: (viewport: Viewport) => void;
}

function currentViewport(map: LeafletMap): Viewport {
  const c = map.getCenter();
  return { zoom: map.getZoom(), lat: c.lat, lng: c.lng };
}

/** Keeps the map and the URL's viewport in step in both directions (reload, back/forward, shared links). */
export function ViewportUrlSync({ viewport, onChange }: ViewportUrlSyncProps) {
  const map = useMap();
  const latest = useRef(viewport);
  // Refreshed after each commit, before the effect below moves the map (layout effects come first).
  useLayoutEffect(() => {
    latest.current = viewport;
  });

  // URL → map: a viewport that differs from the map's (back/forward, a pasted link) moves the map.
  useEffect(() => {
    if (viewport && !sameViewport(viewport, currentViewport(map))) {
      map.setView([viewport.lat, viewport.lng], viewport.zoom, { animate: false });
    }
  }, [map, viewport]);

  // map → URL
  useMapEvents({
    moveend: () => {
      const now = currentViewport(map);
      map.getContainer().dataset.zoom = String(now.zoom);
      if (!sameViewport(now, latest.current)) onChange(now);
    },
  });

  useEffect(() => {
    map.getContainer().dataset.zoom = String(map.getZoom());
  }, [map]);
  return null;
}
