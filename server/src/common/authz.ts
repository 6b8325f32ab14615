import { UserRole } from '@partneratlas/shared';
import { ForbiddenException, UnauthenticatedException } from '../modules/accounts/accounts.exception';
import type { SessionUser, Viewer } from './viewer';

/**
 * Authorisation rules, called by services for every object they touch (never only in resolvers).
 * ADMIN: everything. COORDINATOR: all entries, review, memberships, invitations. EDITOR: own organisations.
 */
export function requireUser(viewer: Viewer): SessionUser {
  if (!viewer.user) throw new UnauthenticatedException();
  return viewer.user;
}

export function requireRole(viewer: Viewer, ...roles: UserRole[]): SessionUser {
  const user = requireUser(viewer);
  if (!roles.includes(user.role)) throw new ForbiddenException(`Requires role ${roles.join(' or ')}`);
  return user;
}

export function requireStaff(viewer: Viewer): SessionUser {
  return requireRole(viewer, UserRole.ADMIN, UserRole.COORDINATOR);
}

export function canEditOrganisation(viewer: Viewer, organisationId: string): boolean {
  const user = viewer.user;
  if (!user) return false;
  if (user.role === UserRole.ADMIN || user.role === UserRole.COORDINATOR) return true;
  return user.organisationIds.includes(organisationId);
}

export function requireOrganisationEditor(viewer: Viewer, organisationId: string): SessionUser {
  const user = requireUser(viewer);
  if (!canEditOrganisation(viewer, organisationId)) throw new ForbiddenException('You may only edit your own organisations');
  return user;
}

/** Changes publish directly for staff and trusted editors; others go through review (for published entries). */
export function publishesDirectly(user: SessionUser): boolean {
  return user.role !== UserRole.EDITOR || user.trusted;
}
