export declare const goldenCases: { file: string; report: string }[];
export declare const updateHint: string;
