import { CircleMarker } from 'react-leaflet';

export interface HighlightPoint {
  id: string;
  lat: number;
  lng: number;
}

/** Rings drawn above the clusters around the selected or hovered places (visible even inside a cluster). */
export function HighlightLayer({ points, variant }: { points: readonly HighlightPoint[]; variant: 'selected' | 'hovered' }) {
  return (
    <>
      {points.map((p) => (
        <CircleMarker
          key={`${variant}-${p.id}`}
          center={[p.lat, p.lng]}
          radius={variant === 'selected' ? 20 : 17}
          interactive={false}
          pathOptions={{
            className: `pa-highlight pa-highlight--${variant}`,
            color: variant === 'selected' ? '#111827' : '#1d4ed8',
            weight: variant === 'selected' ? 4 : 3,
            dashArray: variant === 'hovered' ? '5 4' : undefined,
            fill: false,
          }}
        />
      ))}
    </>
  );
}
