import { betweenness, buildGraph } from './graph-metrics';
import { parallelBetweenness, PARALLEL_WORK_THRESHOLD } from './parallel-betweenness';

function randomGraph(n: number, m: number) {
  let seed = 11;
  const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const ids = Array.from({ length: n }, (_, i) => `o${i}`);
  const edges = Array.from({ length: m }, () => ({ source: ids[Math.floor(rnd() * n)], target: ids[Math.floor(rnd() * n)] }));
  return buildGraph(ids, edges);
}

describe('parallel betweenness', () => {
  it('gives the single-thread values when the sources are dealt out to worker threads', async () => {
    const g = randomGraph(1200, 6000);
    expect(g.ids.length * g.edgeCount).toBeGreaterThan(PARALLEL_WORK_THRESHOLD);
    const single = betweenness(g);
    for (const threads of [2, 3]) {
      const parallel = await parallelBetweenness(g, threads);
      let maxDiff = 0;
      for (let i = 0; i < single.length; i++) maxDiff = Math.max(maxDiff, Math.abs(single[i] - parallel[i]));
      expect(maxDiff).toBeLessThan(1e-6);
    }
  });

  it('keeps small graphs on the main thread', async () => {
    const g = randomGraph(30, 60);
    expect([...(await parallelBetweenness(g, 2))]).toEqual([...betweenness(g)]);
  });
});
