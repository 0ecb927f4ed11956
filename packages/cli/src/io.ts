// What a command may touch of the outside world, so tests can run commands in-process.
export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdin: () => Promise<Uint8Array>;
  /** stderr is a terminal: draw progress there */
  stderrIsTTY: boolean;
  /** binary output (render --format docx|pdf); absent: stdout is not for bytes */
  stdoutBytes?: (b: Uint8Array) => void;
  /** stdout is a terminal: bytes are never written there */
  stdoutIsTTY?: boolean;
  env: NodeJS.ProcessEnv;
}

export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export const processIo: Io = {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  stdin: readStdin,
  stderrIsTTY: Boolean(process.stderr.isTTY),
  stdoutBytes: (b) => void process.stdout.write(b),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  env: process.env,
};

/** Exit codes: 0 all valid, 1 some invalid, 2 unreadable input or bad usage. */
export const EXIT = { ok: 0, invalid: 1, unusable: 2 } as const;
