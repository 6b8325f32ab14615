import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { LatLngBoundsExpression } from 'leaflet';

/** Fits the map to `bounds` once, the first time they are known and `enabled` is true. */
export interface FitBoundsProps {
  bounds: LatLngBoundsExpression | null;
  enabled: boolean;
  /** Room to keep free on the right (e.g. for an open legend), in pixels. */
  rightInset?: number;
}

export function FitBounds({ bounds, enabled, rightInset = 0 }: FitBoundsProps) {
  const map = useMap();
  const done = useRef(false);
  useEffect(() => {
    if (!enabled || done.current || !bounds) return;
    done.current = true;
    map.fitBounds(bounds, { paddingTopLeft: [16, 16], paddingBottomRight: [16 + rightInset, 16], animate: false });
  }, [map, bounds, enabled, rightInset]);
  return null;
}
