export { format, isLocale, localeOf, locales, LocalisedError, say, type Catalogue, type Locale, type Localised } from "./locale.js";
export { escapeSegment, getAt, getPath, pointerOf, segments, setAt, setPath, unescapeSegment } from "./pointer.js";
export { MAX_DEPTH, tooDeep } from "./depth.js";
