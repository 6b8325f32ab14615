import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useMap } from 'react-leaflet';
import L from 'leaflet';
import Supercluster from 'supercluster';

export interface ClusterPoint<T> {
  /** Unique per point (e.g. a location id). */
  id: string;
  lat: number;
  lng: number;
  data: T;
}

export interface ClusterLayerProps<T> {
  points: readonly ClusterPoint<T>[];
  /** Icon and accessible name of a single point. */
  pointIcon: (point: ClusterPoint<T>) => { icon: L.DivIcon; label: string };
  /** Accessible name of a cluster of `count` points. */
  clusterLabel: (count: number) => string;
  onPointClick: (point: ClusterPoint<T>) => void;
  /** Pixel radius within which points cluster. */
  radius?: number;
  /** Above this zoom nothing clusters. */
  maxClusterZoom?: number;
  /** True while the points are still being fetched (the layer is then not reported as ready). */
  pending?: boolean;
}

type PointProps = { index: number };

/**
 * Clustered point layer on supercluster: the index is built once per data set (10,000 points in a few
 * tens of milliseconds) and only the clusters and points of the current view are drawn, so the DOM stays
 * small at any size. Clusters zoom in on click or Enter; points are focusable buttons with a name.
 */
export function ClusterLayer<T>({
  points,
  pointIcon,
  clusterLabel,
  onPointClick,
  radius = 60,
  maxClusterZoom = 16,
  pending = false,
}: ClusterLayerProps<T>) {
  const map = useMap();
  const callbacks = useRef({ pointIcon, clusterLabel, onPointClick });
  // Refreshed after each commit, before the drawing effect below runs (layout effects come first).
  useLayoutEffect(() => {
    callbacks.current = { pointIcon, clusterLabel, onPointClick };
  });

  const index = useMemo(() => {
    // extent 256 = Leaflet's tile size, so that `radius` is in screen pixels.
    const sc = new Supercluster<PointProps, Record<string, never>>({ radius, extent: 256, maxZoom: maxClusterZoom, minPoints: 3 });
    sc.load(
      points.map((p, i) => ({
        type: 'Feature' as const,
        properties: { index: i },
        geometry: { type: 'Point' as const, coordinates: [p.lng, p.lat] },
      })),
    );
    return sc;
  }, [points, radius, maxClusterZoom]);

  useEffect(() => {
    const layer = L.layerGroup().addTo(map);
    const container = map.getContainer();
    let frame = 0;

    const render = () => {
      frame = 0;
      const bounds = map.getBounds().pad(0.1);
      const zoom = Math.round(map.getZoom());
      const features = index.getClusters([bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()], zoom);
      layer.clearLayers();
      for (const feature of features) {
        const [lng, lat] = feature.geometry.coordinates;
        const props = feature.properties as Partial<Supercluster.ClusterProperties> & Partial<PointProps>;
        if (props.cluster && props.cluster_id !== undefined) {
          const count = props.point_count ?? 0;
          const clusterId = props.cluster_id;
          const label = callbacks.current.clusterLabel(count);
          const size = count < 10 ? 34 : count < 100 ? 40 : count < 1000 ? 48 : 56;
          const marker = L.marker([lat, lng], {
            icon: L.divIcon({
              className: 'pa-cluster',
              html: `<span>${count.toLocaleString()}</span>`,
              iconSize: [size, size],
            }),
            title: label,
            alt: label,
            keyboard: true,
            riseOnHover: true,
          });
          marker.on('click', () => {
            const target = Math.min(index.getClusterExpansionZoom(clusterId), map.getMaxZoom());
            map.setView([lat, lng], target);
          });
          marker.on('add', () => labelElement(marker, label));
          layer.addLayer(marker);
        } else if (props.index !== undefined) {
          const point = points[props.index];
          const { icon, label } = callbacks.current.pointIcon(point);
          const marker = L.marker([lat, lng], { icon, title: label, alt: label, keyboard: true, riseOnHover: true });
          marker.on('click', () => callbacks.current.onPointClick(point));
          marker.on('add', () => labelElement(marker, label));
          layer.addLayer(marker);
        }
      }
      // Read by the browser tests and the client benchmark.
      container.dataset.markers = pending ? 'loading' : 'ready';
      container.dataset.markerCount = String(points.length);
      container.dataset.renderedZoom = String(zoom);
      if (!pending) performance.mark('pa:markers-rendered', { detail: { zoom, points: points.length } });
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(render);
    };
    render();
    map.on('moveend', schedule);
    return () => {
      map.off('moveend', schedule);
      if (frame) cancelAnimationFrame(frame);
      layer.remove();
    };
  }, [map, index, points, pending]);

  return null;
}

function labelElement(marker: L.Marker, label: string): void {
  const el = marker.getElement();
  if (!el) return;
  el.setAttribute('role', 'button');
  el.setAttribute('aria-label', label);
}
