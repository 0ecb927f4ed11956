import { defineConfig } from "vitest/config";

// npm install from the registry and tsc in a fresh project take a while on 2 cores
export default defineConfig({ test: { include: ["src/**/*.test.ts"], testTimeout: 600_000, hookTimeout: 600_000 } });
