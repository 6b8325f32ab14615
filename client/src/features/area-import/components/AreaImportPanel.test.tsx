import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../../test/render';
import { AreaImportRecordsDocument, ImportAreasDocument, type AreaImportReportFieldsFragment } from '../../../lib/graphql/graphql';
import { AreaImportPanel } from './AreaImportPanel';

const CSV = 'area_code,year,population\nweende,2024,100\n';

const input = (dryRun: boolean) => ({
  dryRun,
  srid: 4326,
  districtsGeoJson: null,
  districtsFileName: null,
  statisticsCsv: CSV,
  statisticsFileName: 'einwohner.csv',
  groupStatisticsCsv: null,
  groupStatisticsFileName: null,
});

// the server's answers carry __typename on every object (the generated types leave it out of nested ones)
const counts = (inserted: number) => ({ __typename: 'AreaImportCounts', inserted, updated: 0 });
const message = (item: string, text: string) => ({ __typename: 'AreaImportMessage', item, message: text });

const report = (over: Partial<AreaImportReportFieldsFragment>) => ({
  __typename: 'AreaImportReportModel',
  dryRun: true,
  committed: false,
  srid: 4326,
  districtsUpdated: [],
  statistics: counts(1),
  groupStatistics: counts(0),
  unknownCodes: [],
  warnings: [],
  errors: [],
  ...over,
});

const records = { request: { query: AreaImportRecordsDocument }, result: { data: { areaImportRecords: [] } } };

async function chooseCsv() {
  const file = new File([CSV], 'einwohner.csv', { type: 'text/csv' });
  await userEvent.upload(screen.getByLabelText('Statistik (CSV)'), file);
}

describe('AreaImportPanel', () => {
  it('shows the dry run report with the rejected items and unknown codes, and keeps “Übernehmen” disabled', async () => {
    renderWithProviders(<AreaImportPanel />, {
      mocks: [
        records,
        {
          request: { query: ImportAreasDocument, variables: { input: input(true) } },
          result: {
            data: {
              importAreas: report({
                unknownCodes: ['nirgendwo'],
                errors: [message('statistics line 3', 'year must be a year such as 2024, got "x"')],
              }),
            },
          },
        },
      ],
    });
    expect(screen.getByRole('button', { name: 'Prüfen (Probelauf)' })).toBeDisabled();
    await chooseCsv();
    await userEvent.click(screen.getByRole('button', { name: 'Prüfen (Probelauf)' }));
    expect(await screen.findByText('Fehler gefunden – es wurde nichts gespeichert.')).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'statistics line 3' })).toBeInTheDocument();
    expect(screen.getByTestId('area-import-unknown')).toHaveTextContent('nirgendwo');
    expect(screen.getByRole('button', { name: 'Übernehmen' })).toBeDisabled();
  });

  it('applies the same files after a clean dry run and says so', async () => {
    renderWithProviders(<AreaImportPanel />, {
      mocks: [
        records,
        { request: { query: ImportAreasDocument, variables: { input: input(true) } }, result: { data: { importAreas: report({}) } } },
        {
          request: { query: ImportAreasDocument, variables: { input: input(false) } },
          result: { data: { importAreas: report({ dryRun: false, committed: true }) } },
        },
        records,
        records,
      ],
    });
    await chooseCsv();
    await userEvent.click(screen.getByRole('button', { name: 'Prüfen (Probelauf)' }));
    expect(await screen.findByText('Probelauf abgeschlossen – es wurde nichts gespeichert.')).toBeInTheDocument();
    expect(screen.getByText('Statistikzeilen: 1 neu, 0 aktualisiert')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Übernehmen' }));
    expect(await screen.findByText('Import übernommen.')).toBeInTheDocument();
  });
});
