import { useTranslation } from 'react-i18next';
import type { CoverageUnitKind } from '../../../lib/graphql/graphql';

interface Props {
  fieldOfAction: string;
  unit: CoverageUnitKind;
  catchmentMeters: number;
}

/** The server's coverage export for a field of action, unit and catchment (published entries). */
export function coverageGeoJsonUrl({ fieldOfAction, unit, catchmentMeters }: Props): string {
  return `/api/export/coverage.geojson?${new URLSearchParams({ fieldOfAction, unit, catchmentMeters: String(catchmentMeters) }).toString()}`;
}

/** A download link for the gap map currently shown: the analysis units as GeoJSON polygons with their results. */
export function CoverageDownload(props: Props) {
  const { t } = useTranslation();
  return (
    <p className="coverage-download">
      <a className="button button--small" href={coverageGeoJsonUrl(props)} download data-testid="coverage-download">
        {t('coverage.download.label')}
      </a>
      <span className="hint">{t('coverage.download.hint')}</span>
    </p>
  );
}
