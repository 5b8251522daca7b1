// A worker thread's entry: Node 20 loads no TypeScript in a worker (tsx's hooks are the main
// thread's), so this plain module registers tsx here and then imports the worker's own module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
