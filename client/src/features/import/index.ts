/** Public surface of the import feature (coordinators and administrators). */
export { ImportPanel } from './components/ImportPanel';
