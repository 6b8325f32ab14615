import { betweenness, buildGraph, communities, components, computeMetrics } from './graph-metrics';

const edges = (...pairs: [string, string][]) => pairs.map(([source, target]) => ({ source, target }));
const raw = (ids: string[], e: { source: string; target: string }[]) => {
  const g = buildGraph(ids, e);
  const bc = betweenness(g);
  return Object.fromEntries(ids.map((id, i) => [id, bc[i]]));
};

describe('graph metrics', () => {
  it('path a–b–c–d: the inner nodes carry the shortest paths', () => {
    // pairs through b: (a,c), (a,d) = 2; through c: (a,d), (b,d) = 2; the ends carry none.
    const ids = ['a', 'b', 'c', 'd'];
    const e = edges(['a', 'b'], ['b', 'c'], ['c', 'd']);
    expect(raw(ids, e)).toEqual({ a: 0, b: 2, c: 2, d: 0 });
    const m = computeMetrics(buildGraph(ids, e));
    // normalised by (n−1)(n−2)/2 = 3 pairs not involving the node
    expect(m.nodes.get('b')!.betweenness).toBeCloseTo(2 / 3);
    expect([...m.nodes.values()].map((x) => x.degree)).toEqual([1, 2, 2, 1]);
    // density: 3 edges of 4·3/2 = 6 possible
    expect(m.summary.density).toBeCloseTo(0.5);
    expect(m.summary.components).toBe(1);
    expect(m.summary.isolated).toBe(0);
  });

  it('star with centre z and four leaves: the centre lies on every leaf-to-leaf path', () => {
    // 4 leaves → C(4,2) = 6 leaf pairs, all through z; normalised 6 / ((5−1)(5−2)/2 = 6) = 1.
    const ids = ['z', 'l1', 'l2', 'l3', 'l4'];
    const e = edges(['z', 'l1'], ['z', 'l2'], ['l3', 'z'], ['l4', 'z']);
    expect(raw(ids, e)).toEqual({ z: 6, l1: 0, l2: 0, l3: 0, l4: 0 });
    const m = computeMetrics(buildGraph(ids, e));
    expect(m.nodes.get('z')).toMatchObject({ degree: 4, betweenness: 1 });
    expect(m.summary.density).toBeCloseTo(4 / 10);
  });

  it('ties split: in the square a–b–c–d–a each inner node carries half a pair', () => {
    // (a,c) has two shortest paths, via b and via d: ½ each; likewise (b,d) via a and c.
    expect(raw(['a', 'b', 'c', 'd'], edges(['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'a']))).toEqual({ a: 0.5, b: 0.5, c: 0.5, d: 0.5 });
  });

  it('two triangles joined by the bridge c–d: two communities, c and d bridge them, and carry all crossing paths', () => {
    // triangles {a,b,c} and {d,e,f}; edge c–d. Paths crossing: 3 × 3 = 9 pairs.
    // c lies on (a|b)→(d|e|f) = 6 pairs; d on (d's other side) 6 pairs; a, b, e, f on none.
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'solo'];
    const e = edges(['a', 'b'], ['b', 'c'], ['c', 'a'], ['d', 'e'], ['e', 'f'], ['f', 'd'], ['c', 'd']);
    const bc = raw(ids, e);
    expect(bc).toEqual({ a: 0, b: 0, c: 6, d: 6, e: 0, f: 0, solo: 0 });
    const m = computeMetrics(buildGraph(ids, e));
    const comm = (id: string) => m.nodes.get(id)!.community;
    expect(comm('a')).toBe(comm('b'));
    expect(comm('a')).toBe(comm('c'));
    expect(comm('d')).toBe(comm('e'));
    expect(comm('d')).toBe(comm('f'));
    expect(comm('a')).not.toBe(comm('d'));
    // the isolated node is a community (and a component) of its own, numbered after the larger ones
    expect(comm('solo')).toBe(2);
    expect(m.summary.communities).toBe(3);
    expect(ids.filter((id) => m.nodes.get(id)!.bridge)).toEqual(['c', 'd']);
    expect(m.summary.bridges).toBe(2);
    expect(m.summary.isolated).toBe(1);
    expect(m.nodes.get('solo')!.isolated).toBe(true);
    expect(m.summary.components).toBe(2);
    expect(m.nodes.get('solo')!.component).toBe(1);
    // 7 edges of 7·6/2 = 21 possible
    expect(m.summary.density).toBeCloseTo(7 / 21);
  });

  it('counts parallel, opposite and self relationships once or not at all', () => {
    const g = buildGraph(['a', 'b', 'x'], edges(['a', 'b'], ['b', 'a'], ['a', 'b'], ['a', 'a'], ['a', 'unknown']));
    expect(g.edgeCount).toBe(1);
    expect(components(g).count).toBe(2);
  });

  it('handles the empty graph and a single node', () => {
    expect(computeMetrics(buildGraph([], [])).summary).toMatchObject({ nodes: 0, density: 0, components: 0, communities: 0 });
    const one = computeMetrics(buildGraph(['a'], []));
    expect(one.summary).toMatchObject({ density: 0, components: 1, isolated: 1, bridges: 0 });
    expect(one.nodes.get('a')).toMatchObject({ degree: 0, betweenness: 0, community: 0 });
  });

  it('gives stable community numbers for the same graph', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `n${i}`);
    const e = ids.flatMap((id, i) => [
      { source: id, target: ids[(i + 1) % 30] },
      { source: id, target: ids[(i + 7) % 30] },
    ]);
    const a = communities(buildGraph(ids, e)).community;
    const b = communities(buildGraph(ids, e)).community;
    expect([...a]).toEqual([...b]);
  });

  it('betweenness of 2,000 organisations and 10,000 relationships adds up to Σ (d(s,t) − 1) over connected pairs (speed: npm run bench)', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const ids = Array.from({ length: 2000 }, (_, i) => `o${i}`);
    const e: { source: string; target: string }[] = [];
    while (e.length < 10_000) e.push({ source: ids[Math.floor(rnd() * 2000)], target: ids[Math.floor(rnd() * 2000)] });
    const g = buildGraph(ids, e);
    const m = computeMetrics(g);
    expect(m.summary.nodes).toBe(2000);
    // every shortest path s–t passes through d(s,t) − 1 inner nodes, shared fractionally between ties
    let expected = 0;
    const dist = new Int32Array(2000);
    const queue = new Int32Array(2000);
    for (let s = 0; s < 2000; s++) {
      dist.fill(-1);
      dist[s] = 0;
      let head = 0;
      let tail = 0;
      queue[tail++] = s;
      while (head < tail) {
        const v = queue[head++];
        for (let k = g.offsets[v]; k < g.offsets[v + 1]; k++) {
          const w = g.adjacency[k];
          if (dist[w] < 0) {
            dist[w] = dist[v] + 1;
            queue[tail++] = w;
          }
        }
      }
      for (let t = s + 1; t < 2000; t++) if (dist[t] > 0) expected += dist[t] - 1;
    }
    const total = [...m.nodes.values()].reduce((sum, n) => sum + n.betweennessRaw, 0);
    expect(total).toBeCloseTo(expected, 3);
  });
});
