/** Public surface of the area import feature (administrators). */
export { AreaImportPanel } from './components/AreaImportPanel';
