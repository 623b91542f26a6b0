// The value formats envelope fields use: UUIDs, RFC 3339 timestamps, MAJOR.MINOR versions,
// service names, URI-references and correlation/causation ids. Each check is a regex or a
// charCode scan, cheap enough to run on every event of a 100,000-line stream.
import { commonDateTimeMs, isCommonDateTime } from '../registry/dateTimeFormat';

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-([0-9a-fA-F])[0-9a-fA-F]{3}-([0-9a-fA-F])[0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;

/**
 * xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx, any case. A char-code scan rather than a regex:
 * it runs on every event id of a stream and measured several times faster.
 */
export function isUuidV4(value: string): boolean {
  if (value.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const code = value.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (code !== 0x2d) return false;
    } else if (!isHexDigit(code)) return false;
  }
  const variant = value.charCodeAt(19) | 0x20; // lowercase
  return value.charCodeAt(14) === 0x34 && (variant === 0x38 || variant === 0x39 || variant === 0x61 || variant === 0x62);
}

function isHexDigit(code: number): boolean {
  const lower = code | 0x20;
  return (code >= 0x30 && code <= 0x39) || (lower >= 0x61 && lower <= 0x66);
}

/** Undefined for a UUID v4 (RFC 4122 variant); otherwise what the value is, for the message. */
export function describeNonUuidV4(value: string): string | undefined {
  if (isUuidV4(value)) return undefined;
  const match = UUID.exec(value);
  if (!match) return 'is not a UUID';
  const version = parseInt(match[1], 16);
  const variant = parseInt(match[2], 16);
  if ((variant & 0b1100) !== 0b1000) return `is not an RFC 4122 UUID (its variant digit "${match[2]}" must be 8, 9, a or b)`;
  if (version === 0 && value.replace(/-/g, '') === '0'.repeat(32)) return 'is the nil UUID';
  return `is a UUID v${version}`;
}

export const VERSION_PATTERN = /^(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/**
 * Service names: lowercase letters and digits, starting with a letter, in words separated by a
 * single '-', '_' or '.' (order-service, billing.api, inventory_v2), at most 100 characters.
 */
const SERVICE_NAME = /^[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*$/;
export const MAX_SERVICE_NAME = 100;

export function isServiceName(value: string): boolean {
  return value.length <= MAX_SERVICE_NAME && SERVICE_NAME.test(value);
}

/** A service name close to `value`, for the message ("Order Service" -> "order-service"). */
export function suggestServiceName(value: string): string | undefined {
  const words = value
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const name = words.join('-').replace(/^[0-9-]+/, '');
  return name && isServiceName(name) && name !== value ? name : undefined;
}

/** Correlation and causation ids: any non-empty string up to 256 characters without whitespace. */
export const MAX_ID_LENGTH = 256;
const NO_WHITESPACE = /^\S+$/;

export function describeBadId(value: unknown): string | undefined {
  if (typeof value !== 'string') return `must be a string, not ${jsonTypeOf(value)}`;
  if (value.length === 0) return 'must not be empty';
  if (value.length > MAX_ID_LENGTH) return `is ${value.length} characters long; at most ${MAX_ID_LENGTH} are allowed`;
  if (!NO_WHITESPACE.test(value)) return 'must not contain whitespace';
  return undefined;
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))?$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export type TimestampResult = { ok: true; time: number } | { ok: false; problem: string };

/**
 * Parses an RFC 3339 date-time that carries a zone (Z or ±hh:mm) and names a real calendar
 * moment. `time` is milliseconds since the epoch with the fraction kept (microsecond precision
 * survives in a double), so events can be ordered even within one millisecond.
 */
export function parseTimestamp(value: string): TimestampResult {
  // Fast path, no regex: almost every timestamp in a stream has the common, valid shape.
  if (isCommonDateTime(value)) return { ok: true, time: commonDateTimeMs(value) };
  const m = TIMESTAMP.exec(value);
  if (!m) return { ok: false, problem: 'is not an RFC 3339 date-time (e.g. 2026-01-05T10:30:00Z)' };
  if (m[8] === undefined) return { ok: false, problem: 'has no time zone: append Z for UTC or an offset such as +02:00' };
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  const hour = +m[4];
  const minute = +m[5];
  const second = +m[6];
  if (month < 1 || month > 12) return { ok: false, problem: `has month ${m[2]}, which does not exist` };
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  if (day < 1 || day > days) return { ok: false, problem: `names day ${m[3]} of a month that has ${days} days` };
  if (hour > 23 || minute > 59 || second > 60) return { ok: false, problem: `has an impossible time of day ${m[4]}:${m[5]}:${m[6]}` };
  let offsetMinutes = 0;
  if (m[9] !== undefined) {
    const oh = +m[10];
    const om = +m[11];
    if (oh > 23 || om > 59) return { ok: false, problem: `has an impossible zone offset ${m[9]}${m[10]}:${m[11]}` };
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  // A leap second (:60) orders just before the next minute.
  const fraction = m[7] ? parseFloat(m[7]) * 1000 : 0;
  const time = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59)) + (second === 60 ? 999.999 : fraction) - offsetMinutes * 60000;
  return { ok: true, time };
}

// RFC 3986 URI-reference: characters allowed anywhere, percent-escapes well formed, and a scheme
// (the part before the first ':' when no '/', '?' or '#' precedes it) spelled as a scheme.
const URI_CHARS = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/;

export function isUriReference(value: string): boolean {
  if (!URI_CHARS.test(value)) return false;
  const colon = value.indexOf(':');
  if (colon === -1) return true;
  const firstDelimiter = value.search(/[/?#]/);
  if (firstDelimiter !== -1 && firstDelimiter < colon) return true;
  return SCHEME.test(value.slice(0, colon));
}

/** An absolute URI: a URI-reference that starts with a scheme. */
export function isAbsoluteUri(value: string): boolean {
  const colon = value.indexOf(':');
  return colon > 0 && SCHEME.test(value.slice(0, colon)) && isUriReference(value);
}

export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'object':
      return 'an object';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    default:
      return typeof value;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Shortens user text quoted in a message. */
export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
