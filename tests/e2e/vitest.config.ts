import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    // The desktop build runs only where an Electron binary exists (see DEVELOPERS.md).
    exclude: process.env.ELECTRON_PATH ? [] : ['tests/e2e/electron.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    environment: 'node',
    testTimeout: 90000,
    hookTimeout: 60000,
    // One browser at a time: the build machines have 2 cores and software WebGL.
    fileParallelism: false,
  },
});
