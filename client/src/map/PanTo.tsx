import { useEffect } from 'react';
import { useMap } from 'react-leaflet';

/**
 * Brings a point into view when `target` changes (a selection). Leaves the map alone when the point is
 * already visible, so that selecting from the map does not jerk it around.
 */
export function PanTo({ target, minZoom = 14 }: { target: { lat: number; lng: number; key: string } | null; minZoom?: number }) {
  const map = useMap();
  const key = target?.key ?? null;
  useEffect(() => {
    if (!target) return;
    const inView = map.getBounds().pad(-0.1).contains([target.lat, target.lng]);
    if (inView && map.getZoom() >= minZoom) return;
    map.setView([target.lat, target.lng], Math.max(map.getZoom(), minZoom), { animate: true });
    // Only a new selection moves the map, not a re-render with the same one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, key]);
  return null;
}
