// Builds the page into dist/: one folder that works from any static host with no network.
// The workspace packages load their JSON data with Node's createRequire (@zfxxgk/schema's index,
// @zfxxgk/export-xml's vocabulary, @zfxxgk/import's data): the plugin below turns exactly that
// pattern into JSON imports for the bundle, leaving those packages' sources as they are.
import { defineConfig, type Plugin } from "vite";
import { viteSingleFile } from "vite-plugin-singlefile";

const CREATE_REQUIRE = /import\s*\{\s*createRequire\s*\}\s*from\s*["']node:module["'];?\s*\n/;
const REQUIRE_CALL = /\brequire\(\s*["'](\.{1,2}\/[^"']+\.json)["']\s*\)/g;

export function createRequireJson(): Plugin {
  return {
    name: "zfxxgk-create-require-json",
    enforce: "pre",
    transform(code, id) {
      if (!CREATE_REQUIRE.test(code) || !code.includes("createRequire(import.meta.url)")) return null;
      const imports: string[] = [];
      let out = code
        .replace(CREATE_REQUIRE, "")
        .replace(/const\s+require\s*=\s*createRequire\(import\.meta\.url\);?/, "")
        .replace(REQUIRE_CALL, (_m, path: string) => {
          const name = `__json${imports.length}`;
          imports.push(`import ${name} from ${JSON.stringify(path)};`);
          return name;
        });
      if (/\brequire\(/.test(out.replace(/\/\/.*$/gm, ""))) this.error(`${id}: a require() other than of a relative .json file is left`);
      out = `${imports.join("\n")}\n${out}`;
      return { code: out, map: null };
    },
  };
}

// `--mode offline`: the same page as one HTML file with every script inlined (the importer too),
// in dist/offline/, because browsers refuse module scripts and chunks from a file:// page
export default defineConfig(({ mode }) =>
  mode === "offline"
    ? {
        base: "./",
        plugins: [createRequireJson(), viteSingleFile()],
        build: { outDir: "dist/offline", emptyOutDir: false, target: "es2022", chunkSizeWarningLimit: 16384 },
      }
    : {
        base: "./",
        plugins: [createRequireJson()],
        build: { outDir: "dist", emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 4096 },
      },
);
