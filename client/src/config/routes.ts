/** Route paths and path builders; the router and every link use these. */
export const ROUTES = {
  map: '/',
  organisation: '/organisationen/:id',
  network: '/netzwerk',
  partners: '/partnersuche',
  coverage: '/luecken',
  coverageMatrix: '/luecken/matrix',
  login: '/anmelden',
  invitation: '/einladung/:token',
  myOrganisations: '/meine-organisationen',
  organisationEdit: '/organisationen/:id/bearbeiten',
  organisationHistory: '/organisationen/:id/verlauf',
  review: '/pruefung',
  users: '/benutzer',
  account: '/konto',
  evaluation: '/auswertung',
  evaluationComparison: '/auswertung/vergleich',
  evaluationReport: '/auswertung/:id',
  import: '/import',
  areaImport: '/import/gebiete',
} as const;

/** Where the login page sends the user afterwards (only paths on this site). */
export const RETURN_PARAM = 'weiter';

export function loginPath(returnTo?: string): string {
  return returnTo ? `/anmelden?${RETURN_PARAM}=${encodeURIComponent(returnTo)}` : '/anmelden';
}

/** A return path from the login page's query string, if it is a path on this site (no open redirect). */
export function safeReturnPath(value: string | null): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  return value;
}

export function invitationPath(token: string): string {
  return `/einladung/${encodeURIComponent(token)}`;
}

export function organisationEditPath(id: string): string {
  return `/organisationen/${encodeURIComponent(id)}/bearbeiten`;
}

export function organisationHistoryPath(id: string): string {
  return `/organisationen/${encodeURIComponent(id)}/verlauf`;
}

/** The review page, on the queue or on the list of stale entries. */
export function reviewPath(tab: 'queue' | 'stale' = 'queue'): string {
  return tab === 'stale' ? '/pruefung?ansicht=veraltet' : '/pruefung';
}

export function organisationPath(id: string): string {
  return `/organisationen/${encodeURIComponent(id)}`;
}

/** The map page with one organisation selected. */
export function mapWithOrganisation(id: string): string {
  return `/?org=${encodeURIComponent(id)}`;
}

/** The network page, optionally with one organisation selected. */
export function networkPath(organisationId?: string): string {
  return organisationId ? `/netzwerk?org=${encodeURIComponent(organisationId)}` : '/netzwerk';
}

/** The partner finder "for my organisation". */
export function partnerFinderPath(organisationId?: string): string {
  return organisationId ? `/partnersuche?fuer=org&org=${encodeURIComponent(organisationId)}` : '/partnersuche';
}

/** The report of one evaluation snapshot. */
export function evaluationReportPath(id: string): string {
  return `/auswertung/${encodeURIComponent(id)}`;
}

/** The comparison report of two snapshots (`from` the earlier, `to` the later). */
export function evaluationComparisonPath(from: string, to: string): string {
  return `/auswertung/vergleich?von=${encodeURIComponent(from)}&bis=${encodeURIComponent(to)}`;
}
