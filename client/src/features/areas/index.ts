export { AreaLayers } from './components/AreaLayers';
export { AreaLegend } from './components/AreaLegend';
export { useMapAreas, type MapAreas } from './hooks/useMapAreas';
