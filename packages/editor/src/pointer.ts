// JSON pointers (RFC 6901) into a report: the form's inputs and the validator's issues both name
// their place in the report this way; one implementation for every package (@zfxxgk/i18n).
export { getAt, segments, setAt } from "@zfxxgk/i18n";
