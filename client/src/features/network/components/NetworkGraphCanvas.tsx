import { useEffect, useRef } from 'react';
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import type { OrganisationKind } from '@partneratlas/shared';
import { KIND_STYLES } from '../../../lib/organisation-kind';
import { communityStyle, type ColourBy, type SizeBy } from '../utils/network-state';

export interface GraphNode {
  organisation: { id: string; name: string; kind: string };
  degree: number;
  betweenness: number;
  community: number;
  bridge: boolean;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
}

export interface NetworkGraphCanvasProps {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  colourBy: ColourBy;
  sizeBy: SizeBy;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Accessible description of the picture (the table is the accessible alternative). */
  label: string;
}

/** Cytoscape's shapes for the organisation kinds (same shapes as the map symbols, where cytoscape has them). */
const KIND_SHAPES: Record<string, string> = {
  circle: 'ellipse',
  square: 'rectangle',
  diamond: 'diamond',
  hexagon: 'hexagon',
  house: 'pentagon',
  triangle: 'triangle',
};

function nodeSize(n: GraphNode, sizeBy: SizeBy, max: number): number {
  const v = sizeBy === 'degree' ? n.degree : n.betweenness;
  return 14 + (max > 0 ? Math.sqrt(v / max) : 0) * 36;
}

/**
 * The network drawn with cytoscape (canvas; works without WebGL). Data changes rebuild the elements and
 * the layout; colour and size changes only restyle.
 */
export function NetworkGraphCanvas({ nodes, edges, colourBy, sizeBy, selectedId, onSelect, label }: NetworkGraphCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    if (!container.current) return;
    const instance = cytoscape({
      container: container.current,
      minZoom: 0.1,
      maxZoom: 4,
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(color)',
            shape: 'data(shape)' as never,
            width: 'data(size)',
            height: 'data(size)',
            'border-width': 1.5,
            'border-color': '#ffffff',
            label: 'data(label)',
            'font-size': 9,
            color: '#1f2933',
            'text-valign': 'bottom',
            'text-margin-y': 3,
            'text-max-width': '110px',
            'text-wrap': 'ellipsis',
            'min-zoomed-font-size': 7,
          },
        },
        { selector: 'node[?bridge]', style: { 'border-width': 3, 'border-color': '#1f2933', 'border-style': 'double' } },
        { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#e00000', 'z-index': 10 } },
        { selector: 'edge', style: { width: 1, 'line-color': '#9aa5b1', 'curve-style': 'haystack', opacity: 0.7 } },
        { selector: 'edge[type = "FUNDING"]', style: { 'line-style': 'dashed' } },
        { selector: 'edge[type = "UMBRELLA"]', style: { width: 2.5 } },
        { selector: 'edge[type = "REFERRAL"]', style: { 'line-style': 'dotted' } },
      ],
    });
    instance.on('tap', 'node', (event) => onSelectRef.current(event.target.id()));
    cy.current = instance;
    return () => {
      instance.destroy();
      cy.current = null;
    };
  }, []);

  // data → elements and layout
  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    const ids = new Set(nodes.map((n) => n.organisation.id));
    const elements: ElementDefinition[] = [
      ...nodes.map((n) => ({ data: { id: n.organisation.id, label: n.organisation.name, bridge: n.bridge } })),
      ...edges
        .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
        .map((e) => ({ data: { id: `e-${e.id}`, source: e.source, target: e.target, type: e.type } })),
    ];
    instance.elements().remove();
    instance.add(elements);
    const big = nodes.length > 400;
    instance
      .layout(
        big
          ? { name: 'concentric', concentric: (n: cytoscape.NodeSingular) => n.degree(false), levelWidth: () => 2, animate: false }
          : { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 6000, idealEdgeLength: () => 60, numIter: 600 },
      )
      .run();
    instance.fit(undefined, 20);
  }, [nodes, edges]);

  // colour, size, selection → style only
  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    const max = Math.max(0, ...nodes.map((n) => (sizeBy === 'degree' ? n.degree : n.betweenness)));
    instance.batch(() => {
      for (const n of nodes) {
        const el = instance.getElementById(n.organisation.id);
        if (el.empty()) continue;
        const style = colourBy === 'kind' ? KIND_STYLES[n.organisation.kind as OrganisationKind] : null;
        el.data({
          color: style ? style.color : communityStyle(n.community).color,
          shape: style ? KIND_SHAPES[style.shape] : communityStyle(n.community).shape,
          size: nodeSize(n, sizeBy, max),
        });
      }
      instance.nodes().unselect();
      if (selectedId) instance.getElementById(selectedId).select();
    });
  }, [nodes, colourBy, sizeBy, selectedId]);

  return <div ref={container} className="network-graph" role="img" aria-label={label} data-testid="network-graph" />;
}
