/** Route paths and path builders; the router and every link use these. */
export const ROUTES = {
  map: '/',
  organisation: '/organisationen/:id',
  network: '/netzwerk',
  partners: '/partnersuche',
  coverage: '/luecken',
  coverageMatrix: '/luecken/matrix',
} as const;

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
