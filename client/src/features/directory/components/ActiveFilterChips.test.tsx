import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../../test/render';
import { filterOptionsMock } from '../../../../test/fixtures/directory';
import { EMPTY_FILTERS } from '../utils/search-state';
import { ActiveFilterChips } from './ActiveFilterChips';

describe('ActiveFilterChips', () => {
  const filters = {
    ...EMPTY_FILTERS,
    text: 'Kurs',
    fields: ['arbeit', 'sprache'],
    languages: ['ar'],
    near: { lat: 51.5, lng: 9.9, radiusMeters: 1000 },
  };

  it('renders nothing without active filters', () => {
    const { container } = renderWithProviders(<ActiveFilterChips filters={EMPTY_FILTERS} onChange={jest.fn()} onReset={jest.fn()} />, {
      mocks: [filterOptionsMock],
    });
    expect(container).toBeEmptyDOMElement();
  });

  it('shows one removable chip per filter value with readable names', async () => {
    const onChange = jest.fn();
    renderWithProviders(<ActiveFilterChips filters={filters} onChange={onChange} onReset={jest.fn()} />, { mocks: [filterOptionsMock] });
    expect(await screen.findByRole('button', { name: 'Filter entfernen: Arbeit und Ausbildung' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Filter entfernen: Suche: „Kurs“' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Filter entfernen: Sprache: Arabisch' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Filter entfernen: Umkreis 1 km/ })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Filter entfernen: Arbeit und Ausbildung' }));
    expect(onChange).toHaveBeenCalledWith({ fields: ['sprache'] });
  });

  it('resets all filters', async () => {
    const onReset = jest.fn();
    renderWithProviders(<ActiveFilterChips filters={filters} onChange={jest.fn()} onReset={onReset} />, { mocks: [filterOptionsMock] });
    await userEvent.click(screen.getByRole('button', { name: 'Alle Filter zurücksetzen' }));
    expect(onReset).toHaveBeenCalled();
  });
});
