/** Public surface of the network feature: pages compose these. */
import './network.css';
export { NetworkFilters } from './components/NetworkFilters';
export { NetworkGraphCanvas } from './components/NetworkGraphCanvas';
export { NetworkLegend } from './components/NetworkLegend';
export { NetworkNodePanel } from './components/NetworkNodePanel';
export { NetworkSummaryPanel } from './components/NetworkSummaryPanel';
export { NetworkTable } from './components/NetworkTable';
export { useNetworkFilterOptions, useNetworkGraph } from './hooks/useNetworkGraph';
export { formatNetworkState, parseNetworkState, type NetworkViewState } from './utils/network-state';
