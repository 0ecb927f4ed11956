export type Shape = "pdf" | "pdf-text" | "html" | "run-together" | "cell-per-line" | "markdown" | "word";
export function shapeOf(file: string, bytes: Uint8Array): Shape;
