import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The knowledge base is loaded once per file; a fork pool keeps files isolated.
    pool: 'forks',
  },
});
