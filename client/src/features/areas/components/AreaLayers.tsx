import { CircleMarker, GeoJSON, Pane, Tooltip } from 'react-leaflet';
import type { GeoJsonObject } from 'geojson';
import type { MapAreas } from '../hooks/useMapAreas';

const CITY_STYLE = { color: '#1d3557', weight: 2.5, opacity: 0.9, fillColor: '#ffffff', fillOpacity: 0.35, interactive: false };
const DISTRICT_STYLE = { color: '#475569', weight: 1.2, opacity: 0.8, dashArray: '4 4', fill: false, interactive: false };

/**
 * The city boundary and the Stadtbezirke: polygons where a geometry exists, otherwise the district's
 * representative point with its name. Districts with neither are not drawn (the legend lists them).
 */
export function AreaLayers({ areas }: { areas: MapAreas }) {
  const { city, districts } = areas;
  return (
    <Pane name="pa-areas" style={{ zIndex: 350 }}>
      {city && (
        <GeoJSON
          key={`city-${city.id}`}
          data={city.geometry as unknown as GeoJsonObject}
          style={CITY_STYLE}
          attribution={city.attribution}
          interactive={false}
        />
      )}
      {districts.map((d) =>
        d.geometry ? (
          <GeoJSON
            key={`district-${d.id}`}
            data={d.geometry as unknown as GeoJsonObject}
            style={DISTRICT_STYLE}
            attribution={areas.districtAttribution ?? undefined}
            interactive={false}
          />
        ) : d.point ? (
          <CircleMarker
            key={`district-${d.id}`}
            center={[d.point.lat, d.point.lng]}
            radius={3}
            interactive={false}
            pathOptions={{ color: '#475569', weight: 1, fillColor: '#475569', fillOpacity: 0.9 }}
            attribution={areas.districtAttribution ?? undefined}
          >
            <Tooltip permanent direction="top" offset={[0, -4]} className="pa-district-label">
              {d.name}
            </Tooltip>
          </CircleMarker>
        ) : null,
      )}
    </Pane>
  );
}
