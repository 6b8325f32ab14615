import { useTranslation } from 'react-i18next';
import type { MapAreas } from '../hooks/useMapAreas';

/** Legend entries for the boundary and districts, and the districts that cannot be drawn. */
export function AreaLegend({ areas }: { areas: MapAreas }) {
  const { t } = useTranslation();
  const drawnAsPoints = areas.districts.filter((d) => !d.geometry && d.point).length;
  return (
    <>
      <ul className="legend__list">
        <li className="legend__item">
          <span className="legend__line" aria-hidden="true" />
          <span>{t('areas.cityBoundary')}</span>
        </li>
        {drawnAsPoints > 0 && (
          <li className="legend__item">
            <span className="legend__dot" aria-hidden="true" />
            <span>{t('areas.districtPoint')}</span>
          </li>
        )}
      </ul>
      {areas.unplacedDistricts.length > 0 && (
        <p className="legend__note">
          {t('areas.unplaced', { count: areas.unplacedDistricts.length })} {areas.unplacedDistricts.map((d) => d.name).join(', ')}
        </p>
      )}
    </>
  );
}
