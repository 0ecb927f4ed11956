// A one-line progress bar on stderr, only when it is a terminal; a no-op otherwise, so that
// redirected output and CI logs stay clean. Without a known total (a streamed directory) it
// shows the count and the rate.
import type { Io } from "./io.js";

export interface Progress {
  /** `count` more done (default 1), the last of them `label` */
  tick: (label: string, count?: number) => void;
  /** clears the line (before other output, and at the end) */
  done: () => void;
}

export function progress(io: Io, total?: number): Progress {
  if (!io.stderrIsTTY || (total !== undefined && total < 2)) return { tick: () => {}, done: () => {} };
  let n = 0;
  let last = 0;
  const start = Date.now();
  const width = 24;
  return {
    tick(label, count = 1) {
      n += count;
      const now = Date.now();
      if (now - last < 50 && n !== total) return; // a terminal needs no more than 20 frames a second
      last = now;
      const name = label.length > 40 ? `…${label.slice(-39)}` : label;
      if (total !== undefined) {
        const filled = Math.round((n / total) * width);
        io.stderr(`\r\x1b[2K[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${n}/${total} ${name}`);
      } else {
        const rate = n / Math.max((now - start) / 1000, 0.001);
        io.stderr(`\r\x1b[2K${n} · ${rate.toFixed(0)}/s ${name}`);
      }
    },
    done() {
      io.stderr("\r\x1b[2K");
    },
  };
}
