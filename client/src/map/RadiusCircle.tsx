import { Circle, CircleMarker } from 'react-leaflet';

/** A radius around a point (the "near" filter). */
export function RadiusCircle({ lat, lng, radiusMeters }: { lat: number; lng: number; radiusMeters: number }) {
  return (
    <>
      <Circle
        center={[lat, lng]}
        radius={radiusMeters}
        interactive={false}
        pathOptions={{ color: '#1d4ed8', weight: 2, dashArray: '6 6', fillColor: '#1d4ed8', fillOpacity: 0.06 }}
      />
      <CircleMarker
        center={[lat, lng]}
        radius={6}
        interactive={false}
        pathOptions={{ color: '#fff', weight: 2, fillColor: '#1d4ed8', fillOpacity: 1 }}
      />
    </>
  );
}
