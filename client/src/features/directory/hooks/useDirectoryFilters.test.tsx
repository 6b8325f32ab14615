import { act, screen } from '@testing-library/react';
import { useLocation } from 'react-router';
import { renderWithProviders } from '../../../../test/render';
import { useDirectoryFilters } from './useDirectoryFilters';

function Probe({ onApi }: { onApi: (api: ReturnType<typeof useDirectoryFilters>) => void }) {
  const api = useDirectoryFilters();
  const location = useLocation();
  onApi(api);
  return <output data-testid="search">{location.search}</output>;
}

describe('useDirectoryFilters', () => {
  it('reads the filters from a shared link', () => {
    let api!: ReturnType<typeof useDirectoryFilters>;
    renderWithProviders(<Probe onApi={(a) => (api = a)} />, { initialEntries: ['/?hf=sprache&art=PUBLIC_AUTHORITY&q=Kurs&org=x1'] });
    expect(api.filters.fields).toEqual(['sprache']);
    expect(api.filters.kinds).toEqual(['PUBLIC_AUTHORITY']);
    expect(api.filters.text).toBe('Kurs');
  });

  it('writes changes to the URL and keeps the selection and viewport', () => {
    let api!: ReturnType<typeof useDirectoryFilters>;
    renderWithProviders(<Probe onApi={(a) => (api = a)} />, { initialEntries: ['/?org=x1&karte=13%2F51.5%2F9.9'] });
    act(() => api.update({ fields: ['arbeit'], languages: ['ar', 'tr'] }));
    const search = new URLSearchParams(screen.getByTestId('search').textContent ?? '');
    expect(search.get('hf')).toBe('arbeit');
    expect(search.get('sprache')).toBe('ar,tr');
    expect(search.get('org')).toBe('x1');
    expect(search.get('karte')).toBe('13/51.5/9.9');
    expect(api.filters.languages).toEqual(['ar', 'tr']);
  });
});
