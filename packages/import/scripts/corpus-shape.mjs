// The shape of a corpus file, told from the file itself as the corpus README describes the shapes
// (not from the importer, whose reading is what the shape is used to measure). Shared by
// scripts/eval.mjs and the corpus tests.

/** @typedef {"pdf" | "pdf-text" | "html" | "run-together" | "cell-per-line" | "markdown" | "word"} Shape */

/**
 * @param {string} file path of the file in the corpus
 * @param {Uint8Array} bytes its content
 * @returns {Shape}
 */
export function shapeOf(file, bytes) {
  if (file.endsWith(".pdf")) return "pdf";
  if (/\.(docx|doc|wps)$/i.test(file)) return "word";
  if (file.endsWith(".html") || file.endsWith(".htm")) return "html";
  const text = new TextDecoder().decode(bytes);
  const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/);
  // pipe tables: rows that open and close with |
  if (lines.filter((l) => /^\s*\|.*\|\s*$/.test(l)).length >= 5) return "markdown";
  // table cells glued to their labels on long lines: …申请数量21710000218
  if (lines.some((l) => l.length > 300 && /[\u4e00-\u9fff）)][0-9]{6}/.test(l))) return "run-together";
  // most lines that hold a figure hold nothing else
  const withFigure = lines.filter((l) => /[0-9]/.test(l));
  const alone = withFigure.filter((l) => /^\s*[0-9][0-9.]*\s*$/.test(l));
  if (alone.length >= 20 && alone.length >= 0.6 * withFigure.length) return "cell-per-line";
  return "pdf-text";
}
