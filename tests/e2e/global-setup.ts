import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from './static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Serves the production build of the renderer; `npm test` builds it before the e2e run. */
export default async function setup(project: TestProject) {
  if (!existsSync('dist/renderer/index.html')) throw new Error('dist/renderer is missing: run `npm run build` first');
  const { url, server } = await startStaticServer('dist/renderer');
  project.provide('baseUrl', url);
  return () => new Promise<void>((done) => server.close(() => done()));
}
