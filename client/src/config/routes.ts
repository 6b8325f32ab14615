/** Route paths and path builders; the router and every link use these. */
export const ROUTES = {
  map: '/',
  organisation: '/organisationen/:id',
} as const;

export function organisationPath(id: string): string {
  return `/organisationen/${encodeURIComponent(id)}`;
}

/** The map page with one organisation selected. */
export function mapWithOrganisation(id: string): string {
  return `/?org=${encodeURIComponent(id)}`;
}
