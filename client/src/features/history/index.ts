/** Public surface of the history feature. */
export { OrganisationHistory } from './components/OrganisationHistory';
