import { useEffect } from 'react';
import { useMap, useMapEvents } from 'react-leaflet';

/** Marks the map container `pa-map--far` when zoomed out far, so that CSS can hide labels that would crowd. */
export function ZoomClasses({ farBelow = 11.5 }: { farBelow?: number }) {
  const map = useMap();
  const update = () => {
    map.getContainer().classList.toggle('pa-map--far', map.getZoom() < farBelow);
  };
  useEffect(update);
  useMapEvents({ zoomend: update });
  return null;
}
