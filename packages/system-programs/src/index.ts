// One place that knows where the system programs are and which Debian package brings each:
// the PDF exporter needs Chromium at run time, and the tests of several packages need all of
// them. An environment variable wins (for a Chromium outside PATH, say), then PATH, then the
// usual install locations.
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";

export interface Program {
  /** environment variable that names the executable */
  env: string;
  /** executable names looked up on PATH, in order */
  names: string[];
  /** absolute paths tried after PATH */
  paths: string[];
  /** the Debian package that installs it */
  debian: string;
}

export const programs = {
  chromium: {
    env: "CHROMIUM_PATH",
    names: ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"],
    paths: [
      "/usr/bin/chromium",
      "/usr/lib/chromium/chromium",
      "/snap/bin/chromium",
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    ],
    debian: "chromium",
  },
  xmllint: { env: "XMLLINT_PATH", names: ["xmllint"], paths: ["/usr/bin/xmllint"], debian: "libxml2-utils" },
  pdftotext: { env: "PDFTOTEXT_PATH", names: ["pdftotext"], paths: ["/usr/bin/pdftotext"], debian: "poppler-utils" },
  pdftoppm: { env: "PDFTOPPM_PATH", names: ["pdftoppm"], paths: ["/usr/bin/pdftoppm"], debian: "poppler-utils" },
  soffice: {
    env: "SOFFICE_PATH",
    names: ["soffice", "libreoffice"],
    paths: ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice"],
    debian: "libreoffice-writer-nogui",
  },
} as const satisfies Record<string, Program>;

export type ProgramName = keyof typeof programs;

function executable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The absolute path of the program, or null when it is not installed. */
export function findProgram(name: ProgramName, env: NodeJS.ProcessEnv = process.env): string | null {
  const p: Program = programs[name];
  const override = env[p.env];
  if (override) return executable(override) ? override : null;
  for (const dir of (env.PATH ?? "").split(delimiter).filter(Boolean)) {
    for (const n of p.names) if (executable(join(dir, n))) return join(dir, n);
  }
  return p.paths.find(executable) ?? null;
}

/** A sentence for a person whose machine lacks the program, in zh-CN or en. */
export function missingProgramMessage(name: ProgramName, locale: "zh-CN" | "en" = "zh-CN"): string {
  const p: Program = programs[name];
  return locale === "en"
    ? `${name} is not installed: install the Debian package ${p.debian} (apt-get install ${p.debian}) or set ${p.env} to its path`
    : `未找到 ${name}：请安装 Debian 软件包 ${p.debian}（apt-get install ${p.debian}），或用环境变量 ${p.env} 指明其路径`;
}

/**
 * Flags for a headless Chromium run by zfxxgk: no sandbox (it runs as root in containers and CI),
 * and nothing that would reach the network on its own (updates, sync, QUIC probes).
 */
export const chromiumArgs: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
