/**
 * A jsdom document for renderer tests, set up by importing this module first. Vitest's own
 * `// @vitest-environment jsdom` cannot start on Node 20: the installed jsdom (31) and its undici
 * need Node >= 22: they read `zlib.createZstdDecompress` and `worker_threads.markAsUncloneable`
 * when loaded (stubbed here; no DOM test uses them) and use the ES2025 iterator helpers
 * (installed here). Tests declare `// @vitest-environment node` and import this instead.
 * Drop it once the repository runs on Node 22 or pins a jsdom that supports Node 20.
 */
import workerThreads from 'node:worker_threads';
import zlib from 'node:zlib';
import { populateGlobal } from 'vitest/runtime';
import { installIteratorHelpers } from './iterator-helpers.js';

const missing = {
  zlib: zlib as { createZstdDecompress?: unknown },
  workerThreads: workerThreads as { markAsUncloneable?: unknown },
};
missing.zlib.createZstdDecompress ??= () => {
  throw new Error('zstd is not available on this Node version');
};
missing.workerThreads.markAsUncloneable ??= () => undefined;
installIteratorHelpers();

interface JsdomModule {
  JSDOM: new (html: string, options: { url: string; pretendToBeVisual: boolean }) => { window: object };
}

if (typeof document === 'undefined') {
  // jsdom ships no types; this module reads only its constructor.
  const jsdomModuleName: string = 'jsdom';
  const { JSDOM } = (await import(jsdomModuleName)) as JsdomModule;
  // Without runScripts the window shares Node's JS globals (the installed Iterator included).
  const dom = new JSDOM('<!DOCTYPE html>', { url: 'http://localhost:3000/', pretendToBeVisual: true });
  populateGlobal(globalThis, dom.window, { bindFunctions: true });
}
// React's act() warnings are meant for test environments; Testing Library sets this with its own environment only.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
