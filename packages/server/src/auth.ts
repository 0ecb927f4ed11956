// Optional bearer tokens, one per line in a file the operator keeps (blank lines and # comments
// ignored). Tokens are compared by their SHA-256 digests with timingSafeEqual, so neither a
// token's length nor its first differing byte shows in the response time.
import { createHash, timingSafeEqual } from "node:crypto";
import { readFile } from "node:fs/promises";

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

export class TokenFileError extends Error {}

export async function readTokens(path: string): Promise<Buffer[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new TokenFileError(`cannot read the tokens file ${path} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const tokens = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  if (tokens.length === 0) throw new TokenFileError(`the tokens file ${path} holds no token`);
  return tokens.map(digest);
}

/** Whether an Authorization header carries one of the tokens; every token is compared each time. */
export function authorized(header: string | undefined, tokens: Buffer[]): boolean {
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? "");
  if (!m) return false;
  const given = digest(m[1]!);
  let ok = false;
  for (const t of tokens) ok = timingSafeEqual(given, t) || ok;
  return ok;
}
