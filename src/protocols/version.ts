/** Bump on any change to a clinical value; the date is when the data was last reviewed. */
export const PROTOCOL_VERSION = '2026.11.1';
export const PROTOCOL_DATE = '2026-11-28';
