import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../../../test/render';
import { CoverageDownload } from './CoverageDownload';

describe('CoverageDownload', () => {
  it('links the coverage GeoJSON export for the field, unit and catchment shown', () => {
    renderWithProviders(<CoverageDownload fieldOfAction="sprache" unit="DISTRICT" catchmentMeters={1500} />);
    expect(screen.getByRole('link', { name: 'Lückenkarte als GeoJSON (GIS)' })).toHaveAttribute(
      'href',
      '/api/export/coverage.geojson?fieldOfAction=sprache&unit=DISTRICT&catchmentMeters=1500',
    );
  });
});
