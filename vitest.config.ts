import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests wait on readiness (test/support/desk-process.ts waits up to 90 s, naming what it waited for); these
    // only catch a test that hangs, so they are longer than any such wait. A shared, busy machine can take
    // tens of seconds to boot a WASM Postgres or a desk process.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Test files share their worker's modules: the migrated database template (test/support/test-store.ts)
    // and the bundled embedding model's thread are made once per worker, not once per file. Every file
    // starts its own desks over its own stores, so nothing a test sees is left by another file.
    isolate: false,
  },
});
