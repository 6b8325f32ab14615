import type { CoverageData, CoverageUnitData } from '../hooks/useCoverageData';
import { colourClasses, type ColourClass } from './palette';

/** What the colours show: the E2SFCA score when every unit's population is known, else the plain reach. */
export type Measure = 'score' | 'reach';

export function measureOf(c: CoverageData): Measure {
  return c.populationKnown ? 'score' : 'reach';
}

export function valueOf(u: CoverageUnitData, measure: Measure): number | null {
  return measure === 'score' ? u.score : u.weightedReach;
}

export function classesFor(c: CoverageData): ColourClass[] {
  const measure = measureOf(c);
  return colourClasses(measure === 'score' ? (c.summary.maxScore ?? 0) : c.summary.maxWeightedReach);
}

/** Scores are supply per inhabitant: shown per 1,000 inhabitants. */
export const SCORE_SCALE = 1000;
