import { formatIndicator, formatIndicatorDelta, numberFormats } from './format';

describe('indicator formatting', () => {
  const de = numberFormats('de-DE');
  it('shows shares as percentages, density as a decimal, counts as whole numbers; unknown as null', () => {
    expect(formatIndicator('GRID_IN_REACH_SHARE', 2 / 3, de)).toMatch(/^66,7\s%$/);
    expect(formatIndicator('NETWORK_DENSITY', 0.125, de)).toBe('0,125');
    expect(formatIndicator('PROVIDERS', 1234, de)).toBe('1.234');
    expect(formatIndicator('POPULATION_IN_REACH_SHARE', null, de)).toBeNull();
  });

  it('shows changes of shares in percentage points with a sign', () => {
    expect(formatIndicatorDelta('GRID_IN_REACH_SHARE', 0.25, de)).toBe('+25,0\u00a0Pp.');
    expect(formatIndicator('GRID_IN_REACH_SHARE', 0.44, de)).toMatch(/^44,0\s%$/);
    expect(formatIndicatorDelta('ISOLATED_ORGANISATIONS', -2, de)).toBe('-2');
    expect(formatIndicatorDelta('PROVIDERS', 0, de)).toBe('0');
  });
});
