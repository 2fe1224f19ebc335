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
  // ECOPARK_RENDERER_DIST lets parallel work test its own build without sharing dist/.
  const root = process.env.ECOPARK_RENDERER_DIST ?? 'dist/renderer';
  if (!existsSync(`${root}/index.html`)) throw new Error(`${root} is missing: run \`npm run build\` first`);
  const { url, server } = await startStaticServer(root);
  project.provide('baseUrl', url);
  return () => new Promise<void>((done) => server.close(() => done()));
}
