import type { CSSProperties } from 'react';

/** Read by assistive technology, not drawn (the usual clip technique; set as a style so no stylesheet is needed). */
export const VISUALLY_HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  border: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};
