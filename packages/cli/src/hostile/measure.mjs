// Runs the real zfxxgk bin in this process and, when the process ends (however it ends: a
// return, process.exit on EPIPE), writes its CPU time and peak RSS to $HOSTILE_USAGE. The
// hostile-input pack runs every case through this, so that bounds are measured as resources
// used by the child, never as wall-clock time.
import { writeFileSync } from "node:fs";

const out = process.env.HOSTILE_USAGE;
process.on("exit", (code) => {
  const u = process.resourceUsage();
  if (out) writeFileSync(out, JSON.stringify({ code, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssMb: u.maxRSS / 1024 }));
});
await import(new URL("../../bin/zfxxgk.js", import.meta.url).href);
