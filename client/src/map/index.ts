/** The shared map kit. It never imports from features. */
export { BaseTiles } from './BaseTiles';
export { ClusterLayer, type ClusterPoint } from './ClusterLayer';
export { FitBounds } from './FitBounds';
export { HighlightLayer } from './HighlightLayer';
export { InvalidateSize } from './InvalidateSize';
export { MapClickPicker } from './MapClickPicker';
export { MapView } from './MapView';
export { PanTo } from './PanTo';
export { ViewportUrlSync } from './ViewportUrlSync';
export { formatViewport, parseViewport, sameViewport, VIEWPORT_PARAM, type Viewport } from './viewport';
export { RadiusCircle } from './RadiusCircle';
export { ZoomClasses } from './ZoomClasses';
