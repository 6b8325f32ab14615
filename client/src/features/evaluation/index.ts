/** Public surface of the evaluation feature: guiding goals, snapshots, reports, the re-confirmation cycle. */
import './evaluation.css';
export { ComparisonReport, type ComparisonData } from './components/ComparisonReport';
export { GoalManager } from './components/GoalManager';
export { PeriodPanel } from './components/PeriodPanel';
export { ReconfirmBanner } from './components/ReconfirmBanner';
export { SnapshotManager } from './components/SnapshotManager';
export { SnapshotReport, type SnapshotReportData } from './components/SnapshotReport';
