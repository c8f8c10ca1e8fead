import path from "node:path";
import { defineConfig } from "vitest/config";

const src = path.resolve(import.meta.dirname, "src");

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${src}/` },
      // `import "server-only"` throws outside React Server Components; tests call server modules directly.
      { find: /^server-only$/, replacement: path.resolve(import.meta.dirname, "node_modules/server-only/empty.js") },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["tests/unit/**/*.test.ts", "src/**/*.test.ts"],
          exclude: ["src/generated/**", "node_modules/**"],
          env: {
            NODE_ENV: "test",
            // Unit tests have no database: a module that reaches for one fails fast (port 1).
            DATABASE_URL: "postgresql://unit-tests-have-no-database@127.0.0.1:1/none",
            AUTH_SECRET: "unit-test-secret-unit-test-secret-unit-test",
            ID_ENCRYPTION_KEY: "unit-test-id-key-unit-test-id-key-unit",
          },
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          environment: "node",
          include: ["tests/integration/**/*.test.ts"],
          // One throw-away database per run (globalSetup), emptied before each file (setupFiles);
          // files therefore run one after another.
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup.ts"],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
          env: {
            NODE_ENV: "test",
            AUTH_SECRET: "integration-test-secret-integration-test-secret",
            ID_ENCRYPTION_KEY: "integration-test-id-key-integration-test",
          },
        },
      },
    ],
  },
});
