/**
 * A worker thread of the extraction pool: receives one article at a time,
 * answers with its graph in graphology's serialized form (plain data, which
 * crosses the thread boundary by structured clone).
 */
import { parentPort } from 'node:worker_threads';
import { extractArticle, type WorkRequest, type WorkResult } from './work.js';

if (!parentPort) throw new Error('corpus/worker.ts runs only as a worker thread');
const port = parentPort;

port.on('message', (request: WorkRequest) => {
  const result: WorkResult = extractArticle(request);
  port.postMessage(result);
});
