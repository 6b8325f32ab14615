import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { isGeometry, type Geometry, type Position } from '@partneratlas/shared';
import { MapAreasDocument } from '../../../lib/graphql/graphql';

export interface DistrictShape {
  id: string;
  name: string;
  geometry: Geometry | null;
  point: { lat: number; lng: number } | null;
  population: number | null;
  populationYear: number | null;
}

export interface MapAreas {
  loading: boolean;
  error: boolean;
  city: { id: string; name: string; geometry: Geometry; attribution: string } | null;
  /** [[south, west], [north, east]] of the city boundary. */
  cityBounds: [[number, number], [number, number]] | null;
  districts: DistrictShape[];
  /** Districts with neither polygon nor point: listed, not drawn. */
  unplacedDistricts: DistrictShape[];
  districtAttribution: string | null;
}

/** The boundary's attribution when the data does not carry one (BKG licence). */
export const CITY_ATTRIBUTION_FALLBACK = '© GeoBasis-DE / BKG';

function positions(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
  }
}

export function boundsOf(geometry: Geometry): [[number, number], [number, number]] | null {
  let south = Infinity;
  let west = Infinity;
  let north = -Infinity;
  let east = -Infinity;
  for (const [lng, lat] of positions(geometry)) {
    south = Math.min(south, lat);
    north = Math.max(north, lat);
    west = Math.min(west, lng);
    east = Math.max(east, lng);
  }
  return Number.isFinite(south)
    ? [
        [south, west],
        [north, east],
      ]
    : null;
}

export function useMapAreas(): MapAreas {
  const { data, loading, error } = useQuery(MapAreasDocument);
  return useMemo(() => {
    const cityArea = data?.city.find((a) => isGeometry(a.geometry)) ?? null;
    const city =
      cityArea && isGeometry(cityArea.geometry)
        ? {
            id: cityArea.id,
            name: cityArea.name,
            geometry: cityArea.geometry,
            attribution: cityArea.attribution?.includes('GeoBasis-DE')
              ? CITY_ATTRIBUTION_FALLBACK
              : (cityArea.attribution ?? CITY_ATTRIBUTION_FALLBACK),
          }
        : null;
    const districts: DistrictShape[] = (data?.districts ?? [])
      .map((d) => {
        const point = isGeometry(d.point) && d.point.type === 'Point' ? { lng: d.point.coordinates[0], lat: d.point.coordinates[1] } : null;
        return {
          id: d.id,
          name: d.name,
          geometry: isGeometry(d.geometry) && (d.geometry.type === 'Polygon' || d.geometry.type === 'MultiPolygon') ? d.geometry : null,
          point,
          population: d.latestPopulation?.population ?? null,
          populationYear: d.latestPopulation?.year ?? null,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'de'));
    return {
      loading,
      error: Boolean(error),
      city,
      cityBounds: city ? boundsOf(city.geometry) : null,
      districts,
      unplacedDistricts: districts.filter((d) => !d.geometry && !d.point),
      districtAttribution: data?.districts.find((d) => d.attribution)?.attribution ?? null,
    };
  }, [data, loading, error]);
}
