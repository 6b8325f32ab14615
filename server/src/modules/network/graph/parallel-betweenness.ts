import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { betweenness, brandesSources, UndirectedGraph } from './graph-metrics';

/** Below this much work (n · m) one thread is faster than handing the graph to workers. */
export const PARALLEL_WORK_THRESHOLD = 2_000_000;

interface Job {
  offsets: Int32Array;
  adjacency: Int32Array;
  n: number;
  first: number;
  step: number;
}

/**
 * The worker runs the same kernel as the main thread: its source text is taken from the compiled function, so
 * there is no separate file to build or resolve (works from dist, ts-node and Jest alike).
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const brandesSources = ${brandesSources.toString()};
parentPort.on('message', (job) => {
  const cb = brandesSources(job.offsets, job.adjacency, job.n, job.first, job.step);
  parentPort.postMessage(cb, [cb.buffer]);
});`;

let pool: Worker[] | null = null;

function workers(count: number): Worker[] {
  if (!pool) {
    pool = Array.from({ length: count }, () => {
      const w = new Worker(WORKER_SOURCE, { eval: true });
      w.unref(); // never keeps the process alive
      return w;
    });
  }
  return pool;
}

function run(worker: Worker, job: Job): Promise<Float64Array> {
  return new Promise((resolve, reject) => {
    const done = (cb: Float64Array) => {
      worker.off('error', fail);
      resolve(cb);
    };
    const fail = (error: Error) => {
      worker.off('message', done);
      pool = null; // a broken worker is replaced on the next call
      reject(error);
    };
    worker.once('message', done);
    worker.once('error', fail);
    worker.postMessage(job);
  });
}

/**
 * Brandes betweenness split over the cores: sources are dealt out round-robin (0, k, 2k … to the main thread,
 * 1, k + 1 … to worker 1, …) so every thread gets a similar mix; the partial sums are added. Same values as
 * `betweenness()` up to floating-point rounding. Small graphs stay on the main thread.
 */
export async function parallelBetweenness(g: UndirectedGraph, threads = Math.min(4, availableParallelism())): Promise<Float64Array> {
  const n = g.ids.length;
  if (threads < 2 || n * g.edgeCount < PARALLEL_WORK_THRESHOLD) return betweenness(g);
  const extra = workers(threads - 1);
  const jobs = extra.map((w, i) => run(w, { offsets: g.offsets, adjacency: g.adjacency, n, first: i + 1, step: extra.length + 1 }));
  const own = brandesSources(g.offsets, g.adjacency, n, 0, extra.length + 1);
  const parts = await Promise.all(jobs);
  for (const part of parts) for (let i = 0; i < n; i++) own[i] += part[i];
  for (let i = 0; i < n; i++) own[i] /= 2;
  return own;
}
