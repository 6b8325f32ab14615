import { unknownLanguageCodes } from '@partneratlas/shared';
import type { FieldProblem } from '../../../lib/errors';

/** An update/create input as sent to the API: field name → value (null clears a field). */
export type Input = Record<string, unknown>;

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/**
 * Structural equality of API values. Lists of codes or ids are sets (the server may return them in another
 * order); undefined and null both mean "no value".
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (isStringArray(a) && isStringArray(b)) {
    if (a.length !== b.length) return false;
    const sortedB = [...b].sort();
    return [...a].sort().every((v, i) => v === sortedB[i]);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => sameValue(v, b[i]));
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
    for (const k of keys) if (!sameValue(ao[k], bo[k])) return false;
    return true;
  }
  return false;
}

/** Only the fields whose value differs from the loaded one: the update input ("send only changed fields"). */
export function changedInput(base: Input, next: Input): Input {
  const out: Input = {};
  for (const [key, value] of Object.entries(next)) {
    if (!sameValue(base[key], value)) out[key] = value;
  }
  return out;
}

/** A create input without empty fields (nothing to say about them yet). */
export function filledInput(input: Input): Input {
  const out: Input = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out;
}

/**
 * BAD_USER_INPUT problems by form field. "input.website" → "website"; "input.phones.0.number" → "phones";
 * problems that name no input field (e.g. "expectedVersion") are returned as `other`.
 */
export function problemsByField(
  problems: readonly FieldProblem[],
  known: readonly string[],
): { fields: Record<string, string[]>; other: string[] } {
  const fields: Record<string, string[]> = {};
  const other: string[] = [];
  for (const p of problems) {
    const path = p.field.split('.');
    const name = path[0] === 'input' ? path[1] : path[0];
    if (name && known.includes(name)) fields[name] = [...(fields[name] ?? []), ...p.problems];
    else other.push(...p.problems);
  }
  return { fields, other };
}

/** One field both the editor and someone else changed: "Ihre Version" against "Aktuelle Version". */
export interface ConflictRow {
  field: string;
  mine: unknown;
  theirs: unknown;
}

/**
 * The fields of the sent input whose stored value is now different from what the editor wants. Fields the
 * editor did not touch are not asked about: the stored (newer) value stays. A field both set to the same
 * value is no conflict.
 */
export function conflictRows(sent: Input, current: Record<string, unknown>): ConflictRow[] {
  return Object.entries(sent)
    .filter(([field, mine]) => !sameValue(mine, current[field]))
    .map(([field, mine]) => ({ field, mine, theirs: current[field] ?? null }));
}

export type ConflictChoice = { kind: 'mine' } | { kind: 'theirs' } | { kind: 'edited'; value: unknown };

/** The input to resubmit after the editor chose per field; fields that equal the stored value are left out. */
export function mergedInput(rows: readonly ConflictRow[], choices: Readonly<Record<string, ConflictChoice>>): Input {
  const out: Input = {};
  for (const row of rows) {
    const choice = choices[row.field] ?? { kind: 'mine' };
    const value = choice.kind === 'mine' ? row.mine : choice.kind === 'theirs' ? row.theirs : choice.value;
    if (!sameValue(value, row.theirs)) out[row.field] = value;
  }
  return out;
}

/** Whether a conflicting value can be edited as text in the dialog (strings and numbers; not lists). */
export function isEditableScalar(row: ConflictRow): boolean {
  const ok = (v: unknown) => v === null || v === undefined || typeof v === 'string' || typeof v === 'number';
  return ok(row.mine) && ok(row.theirs);
}

/** The text typed for an edited value, as the API type of the field (numbers stay numbers, empty → null). */
export function parseEdited(row: ConflictRow, text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (typeof row.mine === 'number' || typeof row.theirs === 'number') {
    const n = Number(trimmed.replace(',', '.'));
    return Number.isFinite(n) ? n : trimmed;
  }
  return text;
}

// ---- small value helpers for the forms ----

export const emptyToNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

export function intOrNull(value: string): number | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isInteger(n) ? n : NaN;
}

export function floatOrNull(value: string): number | null {
  const trimmed = value.trim().replace(',', '.');
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : NaN;
}

/** "de, AR fa" → ["de", "ar", "fa"] (deduplicated, in typed order). */
export function parseLanguageCodes(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((c) => c.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

export function unknownLanguages(text: string): string[] {
  return unknownLanguageCodes(parseLanguageCodes(text));
}

/** Göttingen, generously: coordinates outside this box are probably a typo (lat/lng swapped, wrong sign). */
export const GOETTINGEN_BOX = { south: 51.4, north: 51.7, west: 9.8, east: 10.1 } as const;

export function insideGoettingen(lat: number, lng: number): boolean {
  return lat >= GOETTINGEN_BOX.south && lat <= GOETTINGEN_BOX.north && lng >= GOETTINGEN_BOX.west && lng <= GOETTINGEN_BOX.east;
}
