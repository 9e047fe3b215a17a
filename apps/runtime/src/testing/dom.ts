/**
 * A jsdom document for the runtime's DOM tests, set up by importing this module first in a test
 * file (the runtime tests run in the node environment). Vitest's jsdom environment cannot start on Node 20:
 * the installed jsdom (31) and its undici need Node >= 22 (they read `zlib.createZstdDecompress`
 * and `worker_threads.markAsUncloneable` when loaded, stubbed here as no test uses them, and use
 * the ES2025 iterator helpers, installed here). Drop it once the repository runs on Node 22 or
 * pins a jsdom that supports Node 20.
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
  const dom = new JSDOM('<!DOCTYPE html>', { url: 'http://localhost:3000/', pretendToBeVisual: true });
  populateGlobal(globalThis, dom.window, { bindFunctions: true });
}
// React's act() warnings are meant for test environments; Testing Library sets this only with its own environment.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// Two cores are shared by many test runs: give the page a few seconds before a `findBy` gives up.
const { configure } = await import('@testing-library/dom');
configure({ asyncUtilTimeout: 3000 });
