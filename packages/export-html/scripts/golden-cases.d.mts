export declare const goldenCases: { file: string; report: string; options: { mode: "document" | "fragment"; locale?: "zh-CN" | "en" } }[];
export declare const updateHint: string;
