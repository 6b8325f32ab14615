import { act, screen } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { renderWithProviders } from '../../../../test/render';
import { CoverageDocument, CoverageMatrixDocument } from '../../../lib/graphql/graphql';
import { useCoverage, useCoverageMatrix } from '../hooks/useCoverageData';
import type { CoverageState } from '../hooks/useCoverageState';
import { STALE_POLL_MS } from '../hooks/useKeptResult';
import { CoverageComputedAt, CoverageComputing } from './CoverageComputation';
import { CoverageSummaryView } from './CoverageSummaryView';
import { MatrixTable } from './MatrixTable';

// The pages (GapPage, MatrixPage) compose exactly this: the status line, the generic error, the figures.
// The gap page itself holds the Leaflet map, which jsdom cannot render; its figures are the summary.
function GapView({ state }: { state: CoverageState }) {
  const { coverage, freshness, computing, error } = useCoverage(state);
  return (
    <>
      {computing && <CoverageComputing computing={computing} />}
      {error && <p data-testid="generic-error">{error.message}</p>}
      {freshness && <CoverageComputedAt freshness={freshness} />}
      {coverage && <CoverageSummaryView coverage={coverage} />}
    </>
  );
}

function MatrixView() {
  const { matrix, freshness, computing, error } = useCoverageMatrix('DISTRICT');
  return (
    <>
      {computing && <CoverageComputing computing={computing} />}
      {error && <p data-testid="generic-error">{error.message}</p>}
      {freshness && <CoverageComputedAt freshness={freshness} />}
      {matrix && <MatrixTable matrix={matrix} />}
    </>
  );
}

const STATE: CoverageState = { field: 'sprache', unit: 'DISTRICT', language: null, targetGroup: null, selectedUnit: null, whatIf: null };
const EARLIER = '2026-11-27T17:30:00.000Z'; // 18:30 in Göttingen
const COMPUTED = '2026-11-27T18:45:00.000Z'; // 19:45 in Göttingen

const field = {
  __typename: 'CoverageField' as const,
  code: 'sprache',
  nameDe: 'Sprache und Sprachkurse',
  nameEn: 'Language',
  spatial: true,
};

function coverage(computedAt: string, upToDate: boolean, gapUnitCount: number) {
  return {
    __typename: 'Coverage' as const,
    fieldOfAction: field,
    unit: 'DISTRICT' as const,
    catchmentMeters: 1500,
    zoneWeights: [1, 0.68, 0.22],
    populationKnown: true,
    providerCount: 12,
    units: [],
    summary: {
      __typename: 'CoverageSummary' as const,
      unitCount: 18,
      gapUnitCount,
      gapUnitShare: gapUnitCount / 18,
      gapAreaSquareMeters: 2_000_000,
      unitsWithPopulation: 18,
      knownPopulation: 118_000,
      populationWithoutReach: 4_200,
      populationShareWithoutReach: 0.036,
      gapUnitsWithUnknownPopulation: 0,
      unitsWithoutGeometry: 0,
      maxScore: 0.4,
      maxWeightedReach: 6,
      unitsWithGroupStatistics: 0,
      languageGapGroups: 0,
      languageGapPersons: 0,
    },
    cityWide: null,
    computedAt,
    upToDate,
  };
}

const coverageRequest = { query: CoverageDocument, variables: { input: { fieldOfAction: 'sprache', unit: 'DISTRICT' as const } } };
const coverageAnswer = (computedAt: string, upToDate: boolean, gapUnitCount = 3): MockLink.MockedResponse => ({
  request: coverageRequest,
  result: { data: { coverage: coverage(computedAt, upToDate, gapUnitCount) } },
  delay: 0,
});

const matrixRequest = { query: CoverageMatrixDocument, variables: { unit: 'DISTRICT' as const } };
const matrixAnswer = (computedAt: string, upToDate: boolean): MockLink.MockedResponse => ({
  request: matrixRequest,
  result: {
    data: {
      coverageMatrix: {
        __typename: 'CoverageMatrix' as const,
        unit: 'DISTRICT' as const,
        catchmentMeters: 1500,
        computedAt,
        upToDate,
        fields: [
          {
            __typename: 'CoverageMatrixColumn' as const,
            fieldOfAction: { __typename: 'CoverageField' as const, code: 'sprache', nameDe: 'Sprache und Sprachkurse', nameEn: 'Language' },
            providerCount: 12,
            summary: {
              __typename: 'CoverageSummary' as const,
              unitCount: 1,
              gapUnitCount: 0,
              gapUnitShare: 0,
              populationWithoutReach: 0,
              knownPopulation: 9_000,
              gapUnitsWithUnknownPopulation: 0,
            },
          },
        ],
        rows: [
          {
            __typename: 'CoverageMatrixRow' as const,
            unitId: 'd1',
            code: 'weende',
            name: 'Weende',
            population: 9_000,
            areaSquareMeters: 4_000_000,
            cells: [{ __typename: 'CoverageMatrixCell' as const, fieldOfAction: 'sprache', providersInReach: 4, score: 0.3, gap: false }],
          },
        ],
      },
      coverageGaps: { __typename: 'CoverageGapList' as const, totalCount: 0, nodes: [] },
    },
  },
  delay: 0,
});

function computingAnswer(request: MockLink.MockedResponse['request'], retryAfterSeconds: number): MockLink.MockedResponse {
  return {
    request,
    result: {
      errors: [
        {
          message: `Coverage for these settings is being computed (about ${retryAfterSeconds} s); the result is kept once done. Try again in a moment.`,
          extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'COMPUTING', retryAfterSeconds },
        },
      ],
    },
    delay: 0,
  };
}

/** Lets `ms` pass (fake timers), then the few milliseconds a mocked answer takes to arrive. */
const wait = (ms: number) =>
  act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
    await jest.advanceTimersByTimeAsync(100);
  });

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('computation time', () => {
  it('shows when the figures of the gap view were computed, as date and time in Göttingen', async () => {
    renderWithProviders(<GapView state={STATE} />, { mocks: [coverageAnswer(COMPUTED, true)] });
    expect(await screen.findByTestId('coverage-summary')).toBeInTheDocument();
    const line = screen.getByTestId('coverage-computed');
    expect(line).toHaveTextContent('Stand der Berechnung: 27.11.2026, 19:45');
    expect(line.querySelector('time')).toHaveAttribute('dateTime', COMPUTED);
    expect(line).not.toHaveTextContent('eine neue Berechnung läuft');
  });

  it('formats the computation time in the UI language', async () => {
    renderWithProviders(<MatrixView />, { mocks: [matrixAnswer(COMPUTED, true)], language: 'en' });
    expect(await screen.findByTestId('coverage-matrix')).toBeInTheDocument();
    expect(screen.getByTestId('coverage-computed')).toHaveTextContent('Computed: 27 Nov 2026, 19:45');
  });
});

describe('figures of an earlier computation (upToDate false)', () => {
  it('says that the data changed and polls the gap view until the new figures arrive, then stops', async () => {
    renderWithProviders(<GapView state={STATE} />, {
      // no third answer: a further request would fail and show the generic error
      mocks: [coverageAnswer(EARLIER, false, 5), coverageAnswer(COMPUTED, true, 3)],
    });
    const line = await screen.findByTestId('coverage-computed');
    expect(line).toHaveTextContent('Stand der Berechnung: 27.11.2026, 18:30');
    expect(screen.getByRole('status')).toHaveTextContent(
      'Die Daten haben sich seit dieser Berechnung geändert; eine neue Berechnung läuft. Die Ansicht aktualisiert sich von selbst.',
    );
    expect(screen.getByTestId('coverage-summary')).toHaveTextContent('5 / 18');

    await wait(STALE_POLL_MS);
    expect(screen.getByTestId('coverage-computed')).toHaveTextContent('Stand der Berechnung: 27.11.2026, 19:45');
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(screen.getByTestId('coverage-summary')).toHaveTextContent('3 / 18');

    await wait(3 * STALE_POLL_MS);
    expect(screen.queryByTestId('generic-error')).toBeNull();
    expect(screen.getByTestId('coverage-summary')).toHaveTextContent('3 / 18');
  });

  it('polls the matrix until it is up to date', async () => {
    renderWithProviders(<MatrixView />, { mocks: [matrixAnswer(EARLIER, false), matrixAnswer(COMPUTED, true)] });
    expect(await screen.findByText(/eine neue Berechnung läuft/)).toBeInTheDocument();
    expect(screen.getByTestId('coverage-matrix')).toBeInTheDocument();

    await wait(STALE_POLL_MS);
    expect(screen.getByTestId('coverage-computed')).toHaveTextContent('Stand der Berechnung: 27.11.2026, 19:45');
    expect(screen.queryByText(/eine neue Berechnung läuft/)).toBeNull();
    await wait(3 * STALE_POLL_MS);
    expect(screen.queryByTestId('generic-error')).toBeNull();
  });
});

describe('first computation still running (COMPUTING)', () => {
  it('shows that the matrix is being computed and retries after the wait the server names', async () => {
    renderWithProviders(<MatrixView />, { mocks: [computingAnswer(matrixRequest, 8), matrixAnswer(COMPUTED, true)] });
    const status = await screen.findByTestId('coverage-computing');
    expect(status).toHaveAttribute('role', 'status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toHaveTextContent('Die Abdeckung für diese Einstellungen wird gerade berechnet (etwa 8 s)');
    expect(screen.queryByTestId('generic-error')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();

    await wait(7_000);
    expect(screen.getByTestId('coverage-computing')).toBeInTheDocument();
    expect(screen.queryByTestId('coverage-matrix')).toBeNull();

    await wait(1_000);
    expect(screen.getByTestId('coverage-matrix')).toBeInTheDocument();
    expect(screen.queryByTestId('coverage-computing')).toBeNull();
    expect(screen.getByTestId('coverage-computed')).toHaveTextContent('Stand der Berechnung: 27.11.2026, 19:45');
  });

  it('keeps showing the computing status while a retry waits for the server', async () => {
    const slow = { ...matrixAnswer(COMPUTED, true), delay: 5_000 };
    renderWithProviders(<MatrixView />, { mocks: [computingAnswer(matrixRequest, 2), slow] });
    expect(await screen.findByTestId('coverage-computing')).toHaveTextContent('(etwa 2 s)');
    await wait(2_000); // the retry is sent and takes 5 s
    await wait(3_000);
    expect(screen.getByTestId('coverage-computing')).toHaveTextContent('(etwa 2 s)');
    expect(screen.queryByTestId('coverage-matrix')).toBeNull();
    await wait(2_000);
    expect(screen.getByTestId('coverage-matrix')).toBeInTheDocument();
    expect(screen.queryByTestId('coverage-computing')).toBeNull();
  });

  it('keeps retrying the gap view while the answer is still COMPUTING', async () => {
    renderWithProviders(<GapView state={STATE} />, {
      mocks: [computingAnswer(coverageRequest, 3), computingAnswer(coverageRequest, 4), coverageAnswer(COMPUTED, true)],
    });
    expect(await screen.findByTestId('coverage-computing')).toHaveTextContent('(etwa 3 s)');
    await wait(3_000);
    expect(screen.getByTestId('coverage-computing')).toHaveTextContent('(etwa 4 s)');
    expect(screen.queryByTestId('generic-error')).toBeNull();
    await wait(4_000);
    expect(screen.getByTestId('coverage-summary')).toBeInTheDocument();
    expect(screen.queryByTestId('coverage-computing')).toBeNull();
  });

  it('keeps the generic error display for other errors and does not retry them', async () => {
    renderWithProviders(<GapView state={STATE} />, {
      mocks: [
        {
          request: coverageRequest,
          result: { errors: [{ message: 'Unknown field of action', extensions: { code: 'NOT_FOUND' } }] },
          delay: 0,
        },
      ],
    });
    expect(await screen.findByTestId('generic-error')).toHaveTextContent('Unknown field of action');
    expect(screen.queryByTestId('coverage-computing')).toBeNull();
    await wait(60_000);
    expect(screen.getByTestId('generic-error')).toHaveTextContent('Unknown field of action');
  });
});
