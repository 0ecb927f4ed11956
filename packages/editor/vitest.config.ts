import { defineConfig } from "vitest/config";

// Unit tests run in Node; the browser tests (src/*.browser.test.ts) build nothing themselves:
// they serve dist/ (built by `npm run build`, which turbo runs before test) to real Chromium.
export default defineConfig({ test: { include: ["src/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 120_000, fileParallelism: false } });
