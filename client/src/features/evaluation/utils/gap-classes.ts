/**
 * Classes of the report's gap maps. State: how many of the headline fields have no provider in reach of a unit
 * (ColorBrewer YlOrRd, 5 steps, colour-blind safe; the legend gives the ranges and counts). Change: fewer or more
 * such fields than before (ColorBrewer PuOr ends; more gaps also get a dashed outline, so colour is not alone).
 */
export const GAP_COLOURS = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'] as const;

export interface GapClass {
  index: number;
  colour: string;
  /** Inclusive range of gap counts. */
  from: number;
  to: number;
}

/** Up to five classes over 0…fieldCount gaps, as even as whole numbers allow. */
export function gapClasses(fieldCount: number): GapClass[] {
  const n = Math.max(0, Math.floor(fieldCount));
  const steps = Math.min(GAP_COLOURS.length, n + 1);
  const out: GapClass[] = [];
  let from = 0;
  for (let i = 0; i < steps; i++) {
    const to = i === steps - 1 ? n : Math.floor(((i + 1) * (n + 1)) / steps) - 1;
    const colourIndex = steps === 1 ? 0 : Math.round((i * (GAP_COLOURS.length - 1)) / (steps - 1));
    out.push({ index: i, colour: GAP_COLOURS[colourIndex], from, to });
    from = to + 1;
  }
  return out;
}

export function gapClassOf(gaps: number, classes: readonly GapClass[]): GapClass | null {
  return classes.find((c) => gaps >= c.from && gaps <= c.to) ?? null;
}

export type ChangeClass = 'fewer' | 'more' | 'same' | 'none';

export const CHANGE_COLOURS: Record<ChangeClass, string> = { fewer: '#5e3c99', more: '#e66101', same: '#f2f2f2', none: '#ffffff' };

export function changeClassOf(before: number | null, after: number | null): ChangeClass {
  if (before === null || after === null) return 'none';
  if (after < before) return 'fewer';
  if (after > before) return 'more';
  return 'same';
}
