import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { layerZones, layersPlugin } from "./eslint-rules/layers.mjs";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // One-way layers (README "Architecture"); tests/unit/lint-layers.test.ts keeps these rules honest.
    files: ["src/**/*.{ts,tsx}"],
    plugins: { layers: layersPlugin },
    rules: {
      "import/no-restricted-paths": ["error", { basePath: import.meta.dirname, zones: layerZones }],
      "layers/no-server-in-client": "error",
    },
  },
  {
    // The domain layer may name Prisma's generated types, never load the client.
    files: ["src/domain/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/generated/*", "**/generated/*"],
              allowTypeImports: true,
              message: "src/domain has no I/O: import Prisma's generated client as `import type` only.",
            },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures call a parameter named `use`; they are not React hooks.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "src/generated/**",
    "node_modules/**",
    ".data/**",
    "coverage/**",
    "test-results/**",
    "playwright-report/**",
    "e2e/.artifacts/**",
    "screenshots/**",
  ]),
]);
