import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { MapContainer, useMap } from 'react-leaflet';
import type { LatLngBoundsExpression } from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './map.css';
import { MAX_ZOOM, MIN_ZOOM, type Viewport } from './viewport';

export interface MapViewProps {
  /** Where the map starts; later changes go through children (ViewportUrlSync), never through props. */
  initialViewport: Viewport;
  maxBounds?: LatLngBoundsExpression;
  /** Accessible name of the map region. */
  label: string;
  children?: ReactNode;
}

/** The one Leaflet map. Only its descendants touch the map instance (useMap / useMapEvents). */
export function MapView({ initialViewport, maxBounds, label, children }: MapViewProps) {
  return (
    <MapContainer
      center={[initialViewport.lat, initialViewport.lng]}
      zoom={initialViewport.zoom}
      minZoom={MIN_ZOOM}
      maxZoom={MAX_ZOOM}
      zoomSnap={0.25}
      zoomDelta={1}
      wheelPxPerZoomLevel={120}
      maxBounds={maxBounds}
      maxBoundsViscosity={0.8}
      preferCanvas
      className="pa-map"
      attributionControl
      keyboard
    >
      <MapA11y label={label} />
      {children}
    </MapContainer>
  );
}

/** Names the focusable map container (keyboard: arrow keys pan, +/- zoom). */
function MapA11y({ label }: { label: string }) {
  const map = useMap();
  useEffect(() => {
    const container = map.getContainer();
    container.setAttribute('role', 'region');
    container.setAttribute('aria-label', label);
  }, [map, label]);
  return null;
}
