/** Public surface of the coverage-gap feature: pages compose these. */
import './coverage.css';
export { CoverageComputedAt, CoverageComputing } from './components/CoverageComputation';
export { CoverageControls } from './components/CoverageControls';
export { CoverageDownload, coverageGeoJsonUrl } from './components/CoverageDownload';
export { CoverageLayer } from './components/CoverageLayer';
export { CoverageLegend } from './components/CoverageLegend';
export { CoverageSummaryView } from './components/CoverageSummaryView';
export { GapUnitList } from './components/GapUnitList';
export { HatchDefs } from './components/HatchDefs';
export { MatrixTable } from './components/MatrixTable';
export { UnitDetail } from './components/UnitDetail';
export { WhatIfPanel } from './components/WhatIfPanel';
export {
  useCoverage,
  useCoverageMatrix,
  useCoverageOptions,
  type CoverageData,
  type CoverageFreshness,
  type CoverageUnitData,
} from './hooks/useCoverageData';
export { useCoverageState, DEFAULT_FIELD, type CoverageState } from './hooks/useCoverageState';
export { toCsv, downloadText } from './utils/csv';
