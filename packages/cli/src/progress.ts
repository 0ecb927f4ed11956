// A one-line progress bar on stderr, only when it is a terminal; a no-op otherwise, so that
// redirected output and CI logs stay clean.
import type { Io } from "./io.js";

export function progress(io: Io, total: number): { tick: (label: string) => void; done: () => void } {
  if (!io.stderrIsTTY || total < 2) return { tick: () => {}, done: () => {} };
  let n = 0;
  const width = 24;
  return {
    tick(label) {
      n++;
      const filled = Math.round((n / total) * width);
      const name = label.length > 40 ? `…${label.slice(-39)}` : label;
      io.stderr(`\r\x1b[2K[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${n}/${total} ${name}`);
    },
    done() {
      io.stderr("\r\x1b[2K");
    },
  };
}
