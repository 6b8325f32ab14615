import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../../test/render';
import { facetsMock, filterOptionsMock } from '../../../../test/fixtures/directory';
import { EMPTY_FILTERS, type DirectoryFilters } from '../utils/search-state';
import { FilterPanel } from './FilterPanel';

/** Opens a collapsible filter section by its summary. */
async function openSection(name: string) {
  await userEvent.click(screen.getByText(name, { selector: 'summary span' }));
}

function setup(filters: DirectoryFilters = EMPTY_FILTERS, language: 'de' | 'en' = 'de') {
  const onChange = jest.fn();
  const view = renderWithProviders(
    <FilterPanel filters={filters} onChange={onChange} picking={false} onTogglePicking={jest.fn()} mapCenter={{ lat: 51.53, lng: 9.93 }} />,
    { language, mocks: [filterOptionsMock, facetsMock(filters, { sprache: 12, arbeit: 9 })] },
  );
  return { onChange, ...view };
}

describe('FilterPanel', () => {
  it('shows the field-of-action tree with parents, children and facet counts', async () => {
    setup();
    await openSection('Handlungsfelder');
    const parent = await screen.findByRole('checkbox', { name: /Sprache und Sprachkurse/ });
    expect(parent).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: /Integrations- und Berufssprachkurse/ })).toBeInTheDocument();
    // counts arrive with the facets query
    expect(await screen.findByRole('checkbox', { name: /Sprache und Sprachkurse.*12 Treffer/ })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /Arbeit und Ausbildung.*9 Treffer/ })).toBeInTheDocument();
  });

  it('adds a field of action to the filters when its box is ticked', async () => {
    const { onChange } = setup();
    await openSection('Handlungsfelder');
    await userEvent.click(await screen.findByRole('checkbox', { name: /Arbeit und Ausbildung/ }));
    expect(onChange).toHaveBeenCalledWith({ fields: ['arbeit'] });
  });

  it('shows the children of a chosen parent as included (checked and disabled)', async () => {
    setup({ ...EMPTY_FILTERS, fields: ['sprache'] });
    // a section with a selection starts open
    const child = await screen.findByRole('checkbox', { name: /Integrations- und Berufssprachkurse/ });
    expect(child).toBeChecked();
    expect(child).toBeDisabled();
    expect(screen.getByText('1 gewählt')).toBeInTheDocument();
  });

  it('names languages through Intl in the UI language', async () => {
    setup(EMPTY_FILTERS, 'en');
    await openSection('Languages');
    expect(await screen.findByRole('checkbox', { name: /Arabic/ })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /Ukrainian/ })).toBeInTheDocument();
  });

  it('offers organisation kinds with their symbol letter and toggles them', async () => {
    const { onChange } = setup();
    await openSection('Art der Organisation');
    const box = screen.getByRole('checkbox', { name: /Beratungsstelle/ });
    await userEvent.click(box);
    expect(onChange).toHaveBeenCalledWith({ kinds: ['COUNSELLING_SERVICE'] });
  });

  it('sets the near point from the map centre and offers radii', async () => {
    const { onChange } = setup();
    await openSection('In der Nähe eines Punktes');
    const section = screen.getByText('Kein Punkt gewählt.').closest('div') as HTMLElement;
    await userEvent.click(within(section).getByRole('button', { name: 'Kartenmitte verwenden' }));
    expect(onChange).toHaveBeenCalledWith({ near: { lat: 51.53, lng: 9.93, radiusMeters: 2000 } });
  });
});
