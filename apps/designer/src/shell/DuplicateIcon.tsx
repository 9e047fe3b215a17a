/**
 * The designer's duplicate icon (two overlapping sheets), drawn rather than a font glyph: `⧉` is
 * missing from the fonts banks' desktops have and showed as an empty box. Its button carries the label.
 */
export function DuplicateIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <path d="M10.5 3.5v-1a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h1" fill="none" stroke="currentColor" strokeWidth="1.4" />
    </svg>
  );
}
