/**
 * A jsdom document for a test file marked `// @vitest-environment node`, set up by importing this
 * module first. It dates from jsdom 31, whose undici needs Node >= 22 (it stubs the two Node 22
 * APIs jsdom loads and installs the ES2025 iterator helpers). With jsdom 29 installed, the jsdom
 * environment of vite.config.ts runs on Node 20 and new tests need none of this: delete it (and
 * iterator-helpers.ts) once no test imports it.
 */
import workerThreads from 'node:worker_threads';
import zlib from 'node:zlib';
import { populateGlobal } from 'vitest/runtime';
import { installIteratorHelpers } from './iterator-helpers.js';

const node = {
  zlib: zlib as { createZstdDecompress?: unknown },
  workerThreads: workerThreads as { markAsUncloneable?: unknown },
};
node.zlib.createZstdDecompress ??= () => {
  throw new Error('zstd is not available on this Node version');
};
node.workerThreads.markAsUncloneable ??= () => undefined;
installIteratorHelpers();

interface JsdomModule {
  JSDOM: new (html: string, options: { url: string; pretendToBeVisual: boolean }) => { window: object };
}

if (typeof document === 'undefined') {
  // jsdom ships no types; only its constructor is used.
  const jsdomModuleName: string = 'jsdom';
  const { JSDOM } = (await import(jsdomModuleName)) as JsdomModule;
  // Without runScripts the window shares Node's JS globals, the iterator helpers included.
  const dom = new JSDOM('<!DOCTYPE html>', { url: 'http://localhost:3000/designer/', pretendToBeVisual: true });
  populateGlobal(globalThis, dom.window, { bindFunctions: true });
}
// React's act() warnings are meant for test environments; Testing Library sets this only with its own environment.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
