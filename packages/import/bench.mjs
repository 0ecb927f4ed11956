// Import throughput, against baselines measured in the same run (machines here are shared and
// noisy: a ratio, not a time, is the figure to compare; see /scripts/bench.mjs).
//   1. a text report — the seed, text extracted from its PDF — read from a Buffer.
//      Target: ≥ 1,000 reports/s.
//   2. the 淮安 PDF (6 pages). Target: ≤ 200 ms per report.
//   3. Word: the 塔城市 2024 report saved by LibreOffice as .docx and .doc (src/read/word/fixtures).
//      No target: ms per report and the ratio to JSON.parse are printed.
// Baselines: JSON.parse of the seed report's JSON (as scripts/bench.mjs measures it), and reading
// the PDF file from disk. The targets are set for the machine TOOLING.md measured (JSON.parse of
// that JSON ~48,000 /s); on a slower or busier machine they scale with the baseline:
//   text: import rate / JSON.parse rate ≥ 1000 / 48000;  PDF: ms × (JSON.parse rate / 48000) ≤ 200.
// Both the raw figures and the scaled ones are printed. Run `npm run build` first.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Bench } from "tinybench";
import { fill } from "@zfxxgk/validator";
import { importReport } from "./dist/index.js";

const root = resolve(import.meta.dirname, "../..");
const corpus = join(root, "corpus");
if (!existsSync(corpus)) {
  console.error(`the corpus is not at ${corpus}`);
  process.exit(2);
}
const REFERENCE_PARSE_RATE = 48_000; // JSON.parse of the seed's JSON, reports/s, per TOOLING.md
const TEXT_TARGET = 1_000; // reports/s
const PDF_TARGET = 200; // ms per report

const seedText = readFileSync(join(corpus, "raw/00-tacheng-2024.txt"));
const pdfPath = join(corpus, "pdf/01-huaian-city-2024.pdf");
const pdf = readFileSync(pdfPath);
const docx = readFileSync(join(import.meta.dirname, "src/read/word/fixtures/tacheng.docx"));
const doc = readFileSync(join(import.meta.dirname, "src/read/word/fixtures/tacheng.doc"));
const json = JSON.stringify(fill(JSON.parse(readFileSync(join(root, "examples/tacheng-2024/report.json"), "utf8"))), null, 2);

// the results must be what the benchmark claims to measure
const checkText = await importReport(seedText);
const checkPdf = await importReport(pdf); // also loads pdf.js, a one-time cost
if (!checkText.report || checkText.stats.read + checkText.stats.inferred + checkText.stats.blank !== 200)
  throw new Error("the seed must import completely");
if (!checkPdf.report || checkPdf.stats.read !== 200) throw new Error("the 淮安 PDF must import completely");
for (const word of [docx, doc]) {
  const r = await importReport(word);
  if (!r.report || r.stats.read + r.stats.blank !== 200) throw new Error("the Word fixtures must import completely");
}

let sink = 0;
const fast = new Bench({ time: 3000, warmup: true, warmupTime: 1000 });
fast
  .add("JSON.parse of the seed report (baseline)", () => {
    sink += JSON.parse(json).year;
  })
  .add("importReport: seed text (8.4 KB)", async () => {
    sink += (await importReport(seedText)).stats.read;
  })
  .add(`importReport: .docx (LibreOffice, ${(docx.length / 1024).toFixed(1)} KB)`, async () => {
    sink += (await importReport(docx)).stats.read;
  })
  .add(`importReport: .doc (LibreOffice, ${(doc.length / 1024).toFixed(1)} KB)`, async () => {
    sink += (await importReport(doc)).stats.read;
  });
await fast.run();

const slow = new Bench({ time: 6000, warmup: true, warmupTime: 1000, iterations: 10 });
slow
  .add("readFileSync of the 淮安 PDF (baseline)", () => {
    sink += readFileSync(pdfPath).length;
  })
  .add("importReport: 淮安 PDF (6 pages, 403 KB)", async () => {
    sink += (await importReport(pdf)).stats.read;
  });
await slow.run();

const result = (b, name) => b.tasks.find((t) => t.name === name).result;
// rates from the median time per call: on a shared machine the means carry other workers' bursts
// and garbage-collection pauses (the table above shows both)
const parseRate = 1000 / result(fast, "JSON.parse of the seed report (baseline)").latency.p50;
const textRate = 1000 / result(fast, "importReport: seed text (8.4 KB)").latency.p50;
const pdfMs = result(slow, "importReport: 淮安 PDF (6 pages, 403 KB)").latency.p50;
const readMs = result(slow, "readFileSync of the 淮安 PDF (baseline)").latency.p50;
const speed = parseRate / REFERENCE_PARSE_RATE; // this machine's speed relative to the reference

console.table([...fast.table(), ...slow.table()]);
const textRatio = textRate / parseRate;
const textOk = textRatio >= TEXT_TARGET / REFERENCE_PARSE_RATE;
const pdfScaled = pdfMs * speed;
const pdfOk = pdfScaled <= PDF_TARGET;
console.log(`machine speed: JSON.parse ${Math.round(parseRate)} reports/s = ${speed.toFixed(2)} × the reference ${REFERENCE_PARSE_RATE}`);
console.log(
  `text: ${Math.round(textRate)} reports/s (median; ${textRatio.toFixed(4)} × JSON.parse; ` +
    `${Math.round(textRate / speed)} /s on the reference machine) ` +
    `— target ≥ ${TEXT_TARGET}/s: ${textOk ? "met" : "NOT met"}`,
);
console.log(
  `PDF: ${pdfMs.toFixed(1)} ms per report (median) (${(pdfMs / readMs).toFixed(0)} × reading the file; ` +
    `${pdfScaled.toFixed(1)} ms on the reference machine) ` +
    `— target ≤ ${PDF_TARGET} ms: ${pdfOk ? "met" : "NOT met"}`,
);
for (const t of fast.tasks.filter((t) => /\.docx? \(/.test(t.name))) {
  const ms = t.result.latency.p50;
  console.log(
    `Word: ${t.name.replace("importReport: ", "")}: ${ms.toFixed(2)} ms per report (median; ${Math.round(1000 / ms)} reports/s, ` +
      `${(1000 / ms / parseRate).toFixed(4)} × JSON.parse) — no target`,
  );
}
if (sink === 0.5) console.log("");
process.exitCode = textOk && pdfOk ? 0 : 1;
