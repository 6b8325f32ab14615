import { NETWORK_NAME } from '../../database/seed/reference';
import { formatDistance, list, reasons, score, ScoreComponent } from './partner-scoring';
import { NETWORK_MIGRATION_NAME } from './partners.service';

describe('partner scoring', () => {
  it('rescales the weights of the applicable components to 1 and sums the contributions', () => {
    const s = score([ScoreComponent.MATCHING_FIELDS, ScoreComponent.DISTANCE], {
      [ScoreComponent.MATCHING_FIELDS]: 1,
      [ScoreComponent.DISTANCE]: 0.5,
      [ScoreComponent.LANGUAGES]: 1, // not applicable: ignored
    });
    // 0.35 and 0.2 → 0.636 and 0.364; score 0.636 + 0.182
    expect(s.components.map((c) => c.name)).toEqual([ScoreComponent.MATCHING_FIELDS, ScoreComponent.DISTANCE]);
    expect(s.components[0].weight).toBeCloseTo(0.35 / 0.55, 3);
    expect(s.score).toBeCloseTo((0.35 + 0.1) / 0.55, 3);
  });

  it('formats distances and lists per language', () => {
    expect(formatDistance(804, 'de')).toBe('800 m');
    expect(formatDistance(1234, 'de')).toBe('1,2 km');
    expect(formatDistance(1234, 'en')).toBe('1.2 km');
    expect(list(['A', 'B', 'C'], 'de')).toBe('A, B und C');
    expect(list(['A', 'B', 'C', 'D', 'E'], 'en')).toBe('A, B, C and 2 more');
  });

  it('writes a reason only for components above 0, strongest first', () => {
    const s = score([ScoreComponent.DISTANCE, ScoreComponent.LANGUAGES, ScoreComponent.FRESHNESS], {
      [ScoreComponent.DISTANCE]: 0.2,
      [ScoreComponent.LANGUAGES]: 1,
      [ScoreComponent.FRESHNESS]: 0,
    });
    const r = reasons(
      s.components,
      {
        values: {},
        fieldCodes: [],
        targetGroupCodes: [],
        languages: ['ar', 'fa'],
        distanceMeters: 800,
        commonPartners: [],
        networkRole: null,
        networkName: NETWORK_MIGRATION_NAME,
        lastConfirmedAt: null,
      },
      new Map(),
    );
    expect(r).toEqual([
      { component: ScoreComponent.LANGUAGES, de: 'arbeitet auf Arabisch und Persisch', en: 'works in Arabic and Persian' },
      { component: ScoreComponent.DISTANCE, de: '800 m entfernt', en: '800 m away' },
    ]);
  });

  it('names the same network as the seed', () => {
    expect(NETWORK_MIGRATION_NAME).toBe(NETWORK_NAME);
  });
});
