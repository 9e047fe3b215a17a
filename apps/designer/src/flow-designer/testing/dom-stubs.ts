/**
 * What React Flow needs from a browser that jsdom lacks: ResizeObserver (it measures nodes) and
 * DOMMatrixReadOnly (it reads the viewport's transform). Imported by the tests that draw the canvas.
 * Nodes never get measured here; they carry their sizes and handles, so edges are drawn anyway.
 */
class StubResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

class StubDOMMatrixReadOnly {
  readonly m22: number;
  constructor(transform?: string) {
    const scale = /scale\(([\d.]+)\)/.exec(transform ?? '');
    this.m22 = scale ? Number(scale[1]) : 1;
  }
}

globalThis.ResizeObserver ??= StubResizeObserver;
(globalThis as { DOMMatrixReadOnly?: unknown }).DOMMatrixReadOnly ??= StubDOMMatrixReadOnly;
