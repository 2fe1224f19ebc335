// The problems worker started from the TypeScript sources (no bundle): tsx's loader hooks
// registered in the main thread do not reach worker threads, so the worker registers them itself.
import { register } from 'tsx/esm/api';

register();
await import('./problems-worker.ts');
