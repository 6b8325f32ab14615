/**
 * Colour-blind-safe sequential classes (viridis, 5 steps, dark = low → light = high accessibility) and
 * the class breaks with their numbers for the legend. Gaps (nothing in reach) are not a colour class:
 * they are drawn white with hatching and a dashed outline, so colour never carries the meaning alone.
 */
export const VIRIDIS_5 = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'] as const;
/** Text colour that stays readable on each class colour. */
export const VIRIDIS_5_TEXT = ['#fff', '#fff', '#fff', '#111', '#111'] as const;

export interface ColourClass {
  index: number;
  colour: string;
  text: string;
  /** Lower bound (exclusive, except the first) and upper bound (inclusive). */
  from: number;
  to: number;
}

/** Five equal-interval classes between 0 (exclusive) and max. */
export function colourClasses(max: number): ColourClass[] {
  if (!(max > 0)) return [];
  return VIRIDIS_5.map((colour, index) => ({
    index,
    colour,
    text: VIRIDIS_5_TEXT[index],
    from: (max * index) / VIRIDIS_5.length,
    to: (max * (index + 1)) / VIRIDIS_5.length,
  }));
}

/** The class of a value > 0, or null for 0 / unknown. */
export function classOf(value: number | null, classes: ColourClass[]): ColourClass | null {
  if (value === null || !(value > 0) || classes.length === 0) return null;
  return classes.find((c) => value <= c.to + 1e-12) ?? classes[classes.length - 1];
}
