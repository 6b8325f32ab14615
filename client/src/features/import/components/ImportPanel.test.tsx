import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../../test/render';
import {
  ImportGeocoderDocument,
  ImportJobDocument,
  StartImportDocument,
  type ImportJobFieldsFragment,
  type StartImportInput,
} from '../../../lib/graphql/graphql';
import { ImportPanel } from './ImportPanel';

const ATTRIBUTION = '© OpenStreetMap contributors (Nominatim, ODbL)';
const CSV = 'Name;Straße;PLZ;Ort\nBeratungsstelle Markt;Markt 1;37073;Göttingen\nTreff Nirgendwo;Unbekannter Weg 9;37073;Göttingen\n';
const FILE = { name: 'organisationen.csv', base64: Buffer.from(CSV, 'utf8').toString('base64') };
const DRY_RUN_ID = '11111111-1111-4111-8111-111111111111';
const APPLY_ID = '22222222-2222-4222-8222-222222222222';

type Report = NonNullable<ImportJobFieldsFragment['report']>;

const geocoderInfo = (enabled: boolean) => ({
  request: { query: ImportGeocoderDocument },
  result: { data: { geocoder: { __typename: 'GeocoderInfo', enabled, attribution: enabled ? ATTRIBUTION : null } } },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

const geocoding = (over: Partial<Report['geocoded'][number]>) => ({
  __typename: 'ImportGeocoding',
  file: 'organisationen.csv',
  row: 2,
  name: 'Beratungsstelle Markt',
  address: 'Markt 1, 37073 Göttingen',
  status: 'FOUND',
  displayName: 'Markt 1, Innenstadt, Göttingen, Niedersachsen, 37073, Deutschland',
  latitude: 51.5331,
  longitude: 9.9355,
  message: null,
  attribution: ATTRIBUTION,
  locationId: 'aaaaaaaa-0000-4000-8000-000000000001',
  ...over,
});

const report = (dryRun: boolean, geocoded: ReturnType<typeof geocoding>[]) => ({
  __typename: 'ImportReport',
  dryRun,
  canApply: true,
  detected: ['organisationen.csv: UTF-8, ;'],
  truncated: false,
  counts: {
    __typename: 'ImportCounts',
    rows: 2,
    organisationsCreated: 2,
    organisationsUpdated: 0,
    organisationsUnchanged: 0,
    organisationsSkipped: 0,
    locationsCreated: 2,
    locationsUpdated: 0,
    servicesCreated: 0,
    servicesUpdated: 0,
    errors: 0,
    warnings: 0,
    duplicates: 0,
    needsPlacing: geocoded.filter((g) => g.status !== 'FOUND').length,
    auditRecords: dryRun ? 0 : 12,
    relationshipsCreated: 0,
    relationshipsUpdated: 0,
    membershipsCreated: 0,
    membershipsUpdated: 0,
    networksCreated: 0,
    districtsCreated: 0,
    geocoded: geocoded.filter((g) => g.status === 'FOUND').length,
  },
  problems: [],
  duplicates: [],
  actions: [],
  needsPlacing: [],
  geocoded,
});

const job = (id: string, dryRun: boolean, geocode: boolean, geocoded: ReturnType<typeof geocoding>[]) => ({
  __typename: 'ImportJob',
  id,
  status: dryRun ? 'DRY_RUN_DONE' : 'APPLIED',
  progress: 1,
  phase: 'done',
  error: null,
  format: 'CSV',
  dryRun,
  publish: false,
  skipDuplicates: true,
  geocode,
  fileNames: [FILE.name],
  createdAt: '2026-11-27T16:00:00.000Z',
  finishedAt: '2026-11-27T16:00:05.000Z',
  report: report(dryRun, geocoded),
});

const input = (over: Partial<StartImportInput>): StartImportInput => ({
  format: 'CSV',
  files: [FILE],
  dryRun: true,
  publish: false,
  skipDuplicates: true,
  geocode: false,
  ...over,
});

/** startImport answering `answer` for exactly `expected`; the spy records what the panel sent. */
function startImport(expected: StartImportInput, answer: ReturnType<typeof job>) {
  const sent = jest.fn((_variables: { input: StartImportInput }) => ({ data: { startImport: answer } }));
  return { sent, mock: { request: { query: StartImportDocument, variables: { input: expected } }, result: sent } };
}

const polled = (answer: ReturnType<typeof job>) => ({
  request: { query: ImportJobDocument, variables: { id: answer.id } },
  result: { data: { importJob: answer } },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

async function chooseCsv() {
  await userEvent.upload(screen.getByLabelText('Dateien'), new File([CSV], FILE.name, { type: 'text/csv' }));
}

const GEOCODE_LABEL = 'Adressen ohne Koordinaten nachschlagen (Geocoding)';

describe('ImportPanel geocoding', () => {
  it('does not offer geocoding when the server has no geocoder and checks without it', async () => {
    const done = job(DRY_RUN_ID, true, false, []);
    const dryRun = startImport(input({}), done);
    renderWithProviders(<ImportPanel />, { mocks: [geocoderInfo(false), dryRun.mock, polled(done)] });
    await chooseCsv();
    await userEvent.click(screen.getByRole('button', { name: 'Prüfen (Probelauf)' }));
    expect(await screen.findByText('Probelauf abgeschlossen – es wurde nichts gespeichert.')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: GEOCODE_LABEL })).toBeNull();
    expect(screen.queryByText(/OpenStreetMap/)).toBeNull();
    expect(dryRun.sent).toHaveBeenCalledWith({ input: input({ geocode: false }) });
    expect(screen.queryByRole('table', { name: 'Nachgeschlagene Adressen (Geocoding)' })).toBeNull();
  });

  it('offers geocoding with the attribution, shows the looked-up rows and applies exactly that dry run by its id', async () => {
    const lookups = [
      geocoding({}),
      geocoding({
        row: 3,
        name: 'Treff Nirgendwo',
        address: 'Unbekannter Weg 9, 37073 Göttingen',
        status: 'NOT_FOUND',
        displayName: null,
        latitude: null,
        longitude: null,
        message: 'Der Geocoder kennt die Adresse nicht.',
        attribution: null,
        locationId: 'aaaaaaaa-0000-4000-8000-000000000002',
      }),
    ];
    const dryRunDone = job(DRY_RUN_ID, true, true, lookups);
    const applied = job(APPLY_ID, false, true, lookups);
    const dryRun = startImport(input({ geocode: true }), dryRunDone);
    const apply = startImport(input({ geocode: true, dryRun: false, dryRunJobId: DRY_RUN_ID }), applied);
    renderWithProviders(<ImportPanel />, {
      mocks: [geocoderInfo(true), dryRun.mock, polled(dryRunDone), apply.mock, polled(applied)],
    });

    const option = await screen.findByRole('checkbox', { name: GEOCODE_LABEL });
    expect(option).not.toBeChecked();
    expect(option).toHaveAccessibleDescription(expect.stringContaining('Höchstens eine Anfrage pro Sekunde'));
    expect(option).toHaveAccessibleDescription(expect.stringContaining(`Quelle: ${ATTRIBUTION}`));

    await chooseCsv();
    await userEvent.click(option);
    await userEvent.click(screen.getByRole('button', { name: 'Prüfen (Probelauf)' }));
    expect(await screen.findByText('Probelauf abgeschlossen – es wurde nichts gespeichert.')).toBeInTheDocument();
    expect(dryRun.sent).toHaveBeenCalledWith({ input: input({ geocode: true }) });

    const table = screen.getByRole('table', { name: 'Nachgeschlagene Adressen (Geocoding)' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('organisationen.csv · 2');
    expect(rows[1]).toHaveTextContent('Markt 1, 37073 Göttingen');
    expect(within(rows[1]).getByRole('cell', { name: 'gefunden' })).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent('Markt 1, Innenstadt, Göttingen');
    expect(within(rows[1]).getByRole('cell', { name: '51,53310, 9,93550' })).toBeInTheDocument();
    expect(within(rows[2]).getByRole('cell', { name: 'nicht gefunden' })).toBeInTheDocument();
    expect(rows[2]).toHaveTextContent('Der Geocoder kennt die Adresse nicht.');
    expect(screen.getByText('Koordinaten vom Geocoder: 1 (nachgeschlagen: 2)')).toBeInTheDocument();
    expect(screen.getAllByText(`Quelle: ${ATTRIBUTION}`).length).toBeGreaterThanOrEqual(1);

    await userEvent.click(screen.getByRole('button', { name: 'Übernehmen' }));
    expect(await screen.findByText('Import übernommen.')).toBeInTheDocument();
    expect(apply.sent).toHaveBeenCalledTimes(1);
    expect(apply.sent).toHaveBeenCalledWith({ input: input({ geocode: true, dryRun: false, dryRunJobId: DRY_RUN_ID }) });
    expect(screen.getByRole('button', { name: 'Übernehmen' })).toBeDisabled();
  });

  it('discards the dry run when an option changes, so nothing unchecked can be applied', async () => {
    const done = job(DRY_RUN_ID, true, false, []);
    const dryRun = startImport(input({}), done);
    renderWithProviders(<ImportPanel />, { mocks: [geocoderInfo(true), dryRun.mock, polled(done)] });
    await chooseCsv();
    await userEvent.click(screen.getByRole('button', { name: 'Prüfen (Probelauf)' }));
    expect(await screen.findByText('Probelauf abgeschlossen – es wurde nichts gespeichert.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Übernehmen' })).toBeEnabled();
    await userEvent.click(screen.getByRole('checkbox', { name: GEOCODE_LABEL }));
    expect(screen.getByRole('button', { name: 'Übernehmen' })).toBeDisabled();
    expect(screen.queryByRole('heading', { name: 'Bericht' })).toBeNull();
  });

  it('names the lookup results in English', async () => {
    const done = job(DRY_RUN_ID, true, true, [geocoding({ status: 'AMBIGUOUS', displayName: null, latitude: null, longitude: null })]);
    const dryRun = startImport(input({ geocode: true }), done);
    renderWithProviders(<ImportPanel />, { language: 'en', mocks: [geocoderInfo(true), dryRun.mock, polled(done)] });
    await userEvent.upload(screen.getByLabelText('Files'), new File([CSV], FILE.name, { type: 'text/csv' }));
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Look up addresses without coordinates (geocoding)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Check (dry run)' }));
    const table = await screen.findByRole('table', { name: 'Looked-up addresses (geocoding)' });
    expect(within(table).getByRole('cell', { name: 'ambiguous (several places)' })).toBeInTheDocument();
  });
});
