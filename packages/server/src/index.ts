export { createServer, type ZfxxgkServer } from "./app.js";
export { readTokens, TokenFileError } from "./auth.js";
export { builtInFormats, importTypes, type RenderFormat } from "./formats.js";
export { openApiDocument } from "./openapi.js";
export { settingsOf, type ServerOptions } from "./options.js";
export { WorkerPool, PoolError } from "./pool.js";
export { localeOf, problems, type Problem, type ProblemCode } from "./problem.js";
