import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../../../test/render';
import type { CoverageUnitData } from '../hooks/useCoverageData';
import { LanguageGroups } from './LanguageGroups';

const unit = (languageGaps: CoverageUnitData['languageGaps']): CoverageUnitData => ({
  id: 'u1',
  code: 'bezirk-a',
  name: 'Weende',
  geometry: null,
  score: 0,
  providersInReach: 1,
  weightedReach: 1,
  nearestMeters: 300,
  population: 1000,
  populationYear: 2024,
  gap: false,
  areaSquareMeters: 40_000,
  languagesInReach: ['ar', 'de'],
  languageGaps,
});

describe('LanguageGroups', () => {
  it('lists the imported groups without an offer in their language with their persons and the total', () => {
    renderWithProviders(
      <LanguageGroups
        unitKind="DISTRICT"
        unit={unit([
          { groupKind: 'LANGUAGE', groupCode: 'fa', label: 'Persisch', language: 'fa', persons: 80, year: 2024 },
          { groupKind: 'NATIONALITY', groupCode: 'AF', label: 'Afghanistan', language: 'ps', persons: 1, year: 2024 },
        ])}
      />,
    );
    const section = screen.getByTestId('coverage-language-groups');
    expect(section).toHaveTextContent('Sprachgruppen ohne Angebot in ihrer Sprache');
    const items = screen.getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Sprache Persisch 80 Personen');
    expect(items[1]).toHaveTextContent('Afghanistan (Sprache laut Statistik: Paschtu) 1 Person');
    expect(section).toHaveTextContent('Zusammen 81 Personen (Statistik 2024).');
  });

  it('says plainly that no group statistics are imported instead of showing zero', () => {
    renderWithProviders(<LanguageGroups unitKind="DISTRICT" unit={unit(null)} />);
    expect(screen.getByTestId('coverage-language-groups')).toHaveTextContent('keine Gruppenstatistik importiert');
    expect(screen.queryByRole('listitem')).toBeNull();
  });

  it('tells that every imported group is served when none lacks an offer', () => {
    renderWithProviders(<LanguageGroups unitKind="DISTRICT" unit={unit([])} />);
    expect(screen.getByTestId('coverage-language-groups')).toHaveTextContent('Für jede importierte Gruppe gibt es ein Angebot');
  });

  it('for grid cells explains that group figures exist per district only (never spread over cells)', () => {
    renderWithProviders(<LanguageGroups unitKind="GRID" unit={unit(null)} />, { language: 'en' });
    expect(screen.getByTestId('coverage-language-groups')).toHaveTextContent('Group figures exist per district only');
  });
});
