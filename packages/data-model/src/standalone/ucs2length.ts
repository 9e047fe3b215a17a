/**
 * The length of a string in Unicode code points, as JSON Schema's minLength/maxLength count it
 * (a surrogate pair is one character). Ajv's own helper (`ajv/dist/runtime/ucs2length`) is
 * CommonJS; this is the same algorithm for the browser.
 */
export function ucs2length(text: string): number {
  let length = 0;
  for (let pos = 0; pos < text.length; length++) {
    const unit = text.charCodeAt(pos++);
    // A high surrogate followed by a low one is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff && pos < text.length && (text.charCodeAt(pos) & 0xfc00) === 0xdc00)
      pos++;
  }
  return length;
}
