import { useEffect } from 'react';
import { useMap, useMapEvents } from 'react-leaflet';

/** While `active`, the next click on the map picks a point (crosshair cursor). */
export function MapClickPicker({ active, onPick }: { active: boolean; onPick: (lat: number, lng: number) => void }) {
  const map = useMap();
  useEffect(() => {
    const container = map.getContainer();
    container.classList.toggle('pa-map--picking', active);
    return () => container.classList.remove('pa-map--picking');
  }, [map, active]);
  useMapEvents({
    click: (event) => {
      if (active) onPick(event.latlng.lat, event.latlng.lng);
    },
  });
  return null;
}
