/**
 * A stored row's text without the identifiers, hashes and times the server generates, so a test can look for a
 * short fragment of a secret (a mobile's last four digits, a birth year) without tripping on a random id that
 * happens to contain it.
 */
export const withoutGeneratedValues = (text: string): string =>
  text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
    .replace(/[0-9a-f]{32,}/gi, '<hash>')
    .replace(/\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?Z?/g, '<time>');
