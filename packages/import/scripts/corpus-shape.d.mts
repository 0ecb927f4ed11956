export type Shape = "pdf" | "pdf-text" | "html" | "run-together" | "cell-per-line" | "markdown";
export function shapeOf(file: string, bytes: Uint8Array): Shape;
