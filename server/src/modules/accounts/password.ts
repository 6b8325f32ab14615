import * as fs from 'node:fs';
import * as path from 'node:path';
import * as argon2 from 'argon2';
import { LIMITS } from '@partneratlas/shared';

/**
 * argon2id with OWASP's minimum (19 MiB, t = 2, p = 1). Parameters are stored in each hash, so raising
 * them later only affects new hashes; `needsRehash` tells when to upgrade on the next sign-in.
 */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

export function needsRehash(hash: string): boolean {
  return argon2.needsRehash(hash, ARGON2_OPTIONS);
}

/** A hash of a random password, verified against when the user is unknown, so both paths take the same time. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(`dummy-${Math.random()}-${Date.now()}`);
  return dummyHash;
}

/**
 * The list of common passwords (42,692 entries of ≥ 6 characters from the zxcvbn-ts common list, MIT; see
 * data/ATTRIBUTION.md). tsc does not copy it to dist: both src and dist resolve to the file in src.
 */
const COMMON_PASSWORDS_FILE = path.resolve(__dirname, '..', '..', '..', 'src', 'modules', 'accounts', 'data', 'common-passwords.txt');
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    fs
      .readFileSync(COMMON_PASSWORDS_FILE, 'utf8')
      .split('\n')
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean),
  );
  return common;
}

/** Why a new password is not acceptable, or null. The message names the rule. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < LIMITS.passwordMinLength) return `Password must have at least ${LIMITS.passwordMinLength} characters`;
  if (password.length > LIMITS.passwordMaxLength) return `Password must have at most ${LIMITS.passwordMaxLength} characters`;
  const lower = password.toLowerCase();
  const list = commonPasswords();
  // "password123456" or "qwertz!!!!!!" are a common word with padding: strip digits and symbols at the ends too.
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  if (list.has(lower) || (core.length >= 4 && list.has(core))) return 'Password is too common; choose a less predictable one';
  if (/^(.)\1+$/.test(password)) return 'Password must not repeat a single character';
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'Password must not contain the email address';
  return null;
}
