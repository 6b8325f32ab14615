import { useEffect } from 'react';
import { useMap } from 'react-leaflet';

/** Tells Leaflet that its container changed size (e.g. the phone's list/map toggle showed it again). */
export function InvalidateSize({ token }: { token: unknown }) {
  const map = useMap();
  useEffect(() => {
    map.invalidateSize({ pan: false });
  }, [map, token]);
  return null;
}
