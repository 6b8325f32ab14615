import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../../../test/render';
import { DownloadLinks } from './DownloadLinks';

describe('DownloadLinks', () => {
  it('links every export of the server with a German label', () => {
    renderWithProviders(<DownloadLinks />);
    expect(screen.getByRole('link', { name: 'Organisationen als CSV (Excel)' })).toHaveAttribute('href', '/api/export/organisations.csv');
    expect(screen.getByRole('link', { name: 'Angebote als CSV (Excel)' })).toHaveAttribute('href', '/api/export/services.csv');
    expect(screen.getByRole('link', { name: 'Orte als GeoJSON (GIS)' })).toHaveAttribute('href', '/api/export/locations.geojson');
    expect(screen.getByRole('link', { name: /HSDS/ })).toHaveAttribute('href', '/api/export/hsds.json');
  });
});
