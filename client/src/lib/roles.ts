import { UserRole } from '@partneratlas/shared';

/** Coordinators and administrators review changes, manage users and see every entry. */
export function isReviewer(role: string | null | undefined): boolean {
  return role === UserRole.COORDINATOR || role === UserRole.ADMIN;
}

export { UserRole };
