import { PublicationStatus, UserRole } from '@partneratlas/shared';

/** The signed-in user as the request sees it (loaded from the session on every request). */
export interface SessionUser {
  id: string;
  email: string;
  displayName: string | null;
  role: UserRole;
  trusted: boolean;
  /** Organisations an EDITOR is bound to. */
  organisationIds: string[];
  sessionId: string;
}

/**
 * Who is asking. Lists, maps and analyses show published entries to everybody (`visibleStatuses`);
 * single entries are also readable by those who may edit them (see `canReadOrganisation`).
 */
export interface Viewer {
  visibleStatuses: PublicationStatus[];
  user?: SessionUser;
}

export const ANONYMOUS: Viewer = Object.freeze({ visibleStatuses: [PublicationStatus.PUBLISHED] });

export function viewerFor(user: SessionUser): Viewer {
  return { visibleStatuses: [PublicationStatus.PUBLISHED], user };
}

export function isStaff(viewer: Viewer): boolean {
  return viewer.user?.role === UserRole.ADMIN || viewer.user?.role === UserRole.COORDINATOR;
}

/** Ids of unpublished organisations the viewer may read anyway; `'all'` for staff. */
export function extraReadableOrganisations(viewer: Viewer): 'all' | string[] {
  if (isStaff(viewer)) return 'all';
  return viewer.user?.organisationIds ?? [];
}
