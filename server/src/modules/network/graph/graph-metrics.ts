import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';

/**
 * Graph metrics of the stakeholder network, as pure functions over an undirected simple graph.
 * Relationships are directed and typed in the data; for the metrics two organisations are either
 * connected or not (parallel and opposite relationships count once, self-loops never).
 */

export interface UndirectedGraph {
  /** Node ids in input order; index i of every array below refers to ids[i]. */
  ids: string[];
  /** Compressed sparse rows: neighbours of node i are adjacency[offsets[i] .. offsets[i + 1]). */
  offsets: Int32Array;
  adjacency: Int32Array;
  /** Number of distinct undirected pairs. */
  edgeCount: number;
}

export interface NodeMetrics {
  degree: number;
  /** Brandes betweenness, normalised to [0, 1] by (n − 1)(n − 2) / 2 pairs. */
  betweenness: number;
  /** Unnormalised betweenness: the number of shortest-path pairs through the node (fractions for ties). */
  betweennessRaw: number;
  /** Community number, 0 = largest community; isolated nodes are communities of their own. */
  community: number;
  /** Connected component number, 0 = largest component. */
  component: number;
  isolated: boolean;
  /** Has a neighbour in another community: connects communities. */
  bridge: boolean;
}

export interface GraphSummary {
  nodes: number;
  edges: number;
  /** 2m / (n (n − 1)); 0 for fewer than two nodes. */
  density: number;
  components: number;
  communities: number;
  isolated: number;
  bridges: number;
}

export interface GraphMetrics {
  nodes: Map<string, NodeMetrics>;
  summary: GraphSummary;
}

/** Builds the undirected simple graph; edges whose ends are not among the nodes are ignored. */
export function buildGraph(ids: readonly string[], edges: readonly { source: string; target: string }[]): UndirectedGraph {
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const n = ids.length;
  const seen = new Set<number>();
  const pairs: number[] = [];
  const deg = new Int32Array(n);
  for (const e of edges) {
    const a = index.get(e.source);
    const b = index.get(e.target);
    if (a === undefined || b === undefined || a === b) continue;
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const key = lo * n + hi;
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push(lo, hi);
    deg[lo]++;
    deg[hi]++;
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + deg[i];
  const fill = offsets.slice(0, n);
  const adjacency = new Int32Array(pairs.length);
  for (let k = 0; k < pairs.length; k += 2) {
    const a = pairs[k];
    const b = pairs[k + 1];
    adjacency[fill[a]++] = b;
    adjacency[fill[b]++] = a;
  }
  return { ids: [...ids], offsets, adjacency, edgeCount: pairs.length / 2 };
}

export function degrees(g: UndirectedGraph): Int32Array {
  const n = g.ids.length;
  const d = new Int32Array(n);
  for (let i = 0; i < n; i++) d[i] = g.offsets[i + 1] - g.offsets[i];
  return d;
}

/**
 * Brandes (2001) betweenness for unweighted undirected graphs: O(n·m) time, O(n + m) memory,
 * typed arrays only. Returns raw values (each unordered pair counted once).
 */
export function betweenness(g: UndirectedGraph): Float64Array {
  const cb = brandesSources(g.offsets, g.adjacency, g.ids.length, 0, 1);
  // every unordered pair was counted from both ends
  for (let i = 0; i < cb.length; i++) cb[i] /= 2;
  return cb;
}

/**
 * The dependencies accumulated from the sources first, first + step, first + 2·step, … (not halved).
 * Self-contained (no closures, no imports): its source text is also what the worker threads run.
 */
export function brandesSources(offsets: Int32Array, adjacency: Int32Array, n: number, first: number, step: number): Float64Array {
  const cb = new Float64Array(n);
  const sigma = new Float64Array(n);
  const dist = new Int32Array(n);
  /** (1 + delta(v)) / sigma(v) of the current source, delta being Brandes' dependency. */
  const coef = new Float64Array(n);
  /** BFS order of the current source (also the stack of Brandes, read backwards). */
  const order = new Int32Array(n);
  for (let s = first; s < n; s += step) {
    if (offsets[s + 1] === offsets[s]) continue;
    dist.fill(-1);
    sigma[s] = 1;
    dist[s] = 0;
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    while (head < tail) {
      const v = order[head++];
      const dv = dist[v] + 1;
      const sv = sigma[v];
      const end = offsets[v + 1];
      for (let k = offsets[v]; k < end; k++) {
        const w = adjacency[k];
        const dw = dist[w];
        if (dw < 0) {
          dist[w] = dv;
          sigma[w] = sv;
          order[tail++] = w;
        } else if (dw === dv) sigma[w] += sv;
      }
    }
    // dependencies pulled from the successors (one level further), in reverse BFS order:
    // delta(v) = sigma(v) · Σ_{w successor of v} (1 + delta(w)) / sigma(w); the quotient is kept per node
    // (coef) so that the inner loop over edges only adds.
    for (let i = tail - 1; i >= 0; i--) {
      const v = order[i];
      const next = dist[v] + 1;
      let acc = 0;
      const end = offsets[v + 1];
      for (let k = offsets[v]; k < end; k++) {
        const w = adjacency[k];
        if (dist[w] === next) acc += coef[w];
      }
      const dv = sigma[v] * acc;
      coef[v] = (1 + dv) / sigma[v];
      if (v !== s) cb[v] += dv;
    }
  }
  return cb;
}

/** Connected components, numbered by size (0 = largest; ties by first node). */
export function components(g: UndirectedGraph): { component: Int32Array; count: number } {
  const n = g.ids.length;
  const raw = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  const queue = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    if (raw[s] >= 0) continue;
    const c = sizes.length;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    raw[s] = c;
    while (head < tail) {
      const v = queue[head++];
      for (let k = g.offsets[v]; k < g.offsets[v + 1]; k++) {
        const w = g.adjacency[k];
        if (raw[w] < 0) {
          raw[w] = c;
          queue[tail++] = w;
        }
      }
    }
    sizes.push(tail);
  }
  return { component: renumberBySize(raw, sizes.length), count: sizes.length };
}

/** Deterministic pseudo-random numbers (mulberry32) so that communities are stable between requests. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Louvain communities (graphology-communities-louvain, seeded), numbered by size; isolated nodes are their own community. */
export function communities(g: UndirectedGraph): { community: Int32Array; count: number } {
  const n = g.ids.length;
  const raw = new Int32Array(n).fill(-1);
  let next = 0;
  if (g.edgeCount > 0) {
    const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
    for (let i = 0; i < n; i++) if (g.offsets[i + 1] > g.offsets[i]) graph.addNode(String(i));
    for (let i = 0; i < n; i++) {
      for (let k = g.offsets[i]; k < g.offsets[i + 1]; k++) {
        const j = g.adjacency[k];
        if (i < j) graph.addUndirectedEdge(String(i), String(j));
      }
    }
    const assignment = louvain(graph, { rng: seededRandom(1), randomWalk: false });
    const relabel = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const c = assignment[String(i)];
      if (c === undefined) continue;
      if (!relabel.has(c)) relabel.set(c, next++);
      raw[i] = relabel.get(c)!;
    }
  }
  for (let i = 0; i < n; i++) if (raw[i] < 0) raw[i] = next++;
  return { community: renumberBySize(raw, next), count: next };
}

/** Renumbers labels 0..count-1 so that 0 is the largest group; ties keep the order of first appearance. */
function renumberBySize(labels: Int32Array, count: number): Int32Array {
  const size = new Int32Array(count);
  const first = new Int32Array(count).fill(-1);
  labels.forEach((l, i) => {
    size[l]++;
    if (first[l] < 0) first[l] = i;
  });
  const order = Array.from({ length: count }, (_, l) => l).sort((a, b) => size[b] - size[a] || first[a] - first[b]);
  const to = new Int32Array(count);
  order.forEach((l, rank) => (to[l] = rank));
  return labels.map((l) => to[l]);
}

/** All metrics of a graph: per node and for the whole network. */
export function computeMetrics(g: UndirectedGraph, bc: Float64Array = betweenness(g)): GraphMetrics {
  const n = g.ids.length;
  const deg = degrees(g);
  const comp = components(g);
  const comm = communities(g);
  const pairs = ((n - 1) * (n - 2)) / 2;
  const nodes = new Map<string, NodeMetrics>();
  let isolated = 0;
  let bridges = 0;
  for (let i = 0; i < n; i++) {
    let bridge = false;
    for (let k = g.offsets[i]; k < g.offsets[i + 1] && !bridge; k++) bridge = comm.community[g.adjacency[k]] !== comm.community[i];
    const iso = deg[i] === 0;
    if (iso) isolated++;
    if (bridge) bridges++;
    nodes.set(g.ids[i], {
      degree: deg[i],
      betweennessRaw: bc[i],
      betweenness: pairs > 0 ? bc[i] / pairs : 0,
      community: comm.community[i],
      component: comp.component[i],
      isolated: iso,
      bridge,
    });
  }
  return {
    nodes,
    summary: {
      nodes: n,
      edges: g.edgeCount,
      density: n > 1 ? (2 * g.edgeCount) / (n * (n - 1)) : 0,
      components: comp.count,
      communities: comm.count,
      isolated,
      bridges,
    },
  };
}
