import { act, cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initTestI18n } from '../../shell/testing/i18n.js';
import { FeelEditor } from './FeelEditor.js';
import type { FeelEditorMountOptions } from './monaco-feel.js';

/** Monaco cannot lay out in jsdom: a stand-in records what the editor is told. */
const fake = vi.hoisted(() => ({ options: undefined as FeelEditorMountOptions | undefined, written: [] as string[] }));
vi.mock('./monaco-feel.js', () => ({
  mountFeelEditor: (_host: HTMLElement, options: FeelEditorMountOptions) => {
    fake.options = options;
    return { setValue: (value: string) => fake.written.push(value), setMarkers: () => undefined, focus: () => undefined, dispose: () => undefined };
  },
}));

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

const names = new Set(['entity']);
const editor = (value: string) => <FeelEditor label="Filter" value={value} onChange={() => undefined} names={names} />;

describe('FeelEditor', () => {
  it('does not write the host’s answer to an earlier keystroke over what was typed since, and takes the host’s own changes', async () => {
    const { rerender } = render(editor(''));
    await waitFor(() => expect(fake.options).toBeDefined());
    fake.written.length = 0;
    // Typed fast: "e" then "en" before the host has drawn "e".
    act(() => {
      fake.options!.onChange('e');
      fake.options!.onChange('en');
    });
    rerender(editor('e'));
    rerender(editor('en'));
    expect(fake.written).toEqual([]);
    // Undo, a reset: a value the editor never reported replaces its text.
    rerender(editor('entity = 1'));
    expect(fake.written).toEqual(['entity = 1']);
  });
});
