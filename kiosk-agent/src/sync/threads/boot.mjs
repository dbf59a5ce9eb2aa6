// A worker thread's entry: teach it TypeScript (as `tsx` does for the agent), then run the
// worker module named in `workerData.entry`.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
