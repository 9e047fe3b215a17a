import { ApiClientProvider } from '@bankforge/app-shell';
import { fakeApi } from '@bankforge/app-shell/testing';
import { ApiClient } from '@bankforge/client';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initTestI18n } from '../testing/i18n.js';
import { WidgetExport } from './WidgetExport.js';

beforeEach(() => initTestI18n('en'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const request = { filters: { period: 'thisQuarter' }, cross: [{ widget: 'customers', dimension: 'branch', value: 'b-sh' }] };
const url = (format: 'csv' | 'xlsx') => new ApiClient().widgetExportUrl('branch_overview', 'pipeline', format, request);

/** A download that waits for `release` before its last chunk, so a test can see it under way. */
function slowDownload(release: Promise<void>): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode('x'.repeat(1500)));
      await release;
      controller.enqueue(encoder.encode('y'.repeat(1500)));
      controller.close();
    },
  });
  return new Response(body, { headers: { 'content-length': '3000', 'content-type': 'text/csv' } });
}

function renderExport(save = vi.fn()) {
  render(
    <ApiClientProvider client={fakeApi({}).client}>
      <WidgetExport dashboard="branch_overview" widget="pipeline" title="Loan pipeline" request={request} save={save} />
    </ApiClientProvider>,
  );
  return save;
}

describe('WidgetExport', () => {
  it('downloads the widget as it is shown, tells the bytes received, and saves the file', async () => {
    let release = () => undefined as void;
    const fetch = vi.fn(async () => slowDownload(new Promise<void>((resolve) => (release = resolve))));
    vi.stubGlobal('fetch', fetch);
    const save = renderExport();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Export Loan pipeline' }));
    await user.click(screen.getByRole('button', { name: 'CSV' }));
    expect((await screen.findByText('Downloading… 1.5 kB of 3 kB')).closest('[role="status"]')).toBeTruthy();
    expect(fetch).toHaveBeenCalledWith(url('csv'), expect.objectContaining({ headers: { 'accept-language': 'en' } }));
    release();
    expect(await screen.findByText('Saved Loan pipeline.csv.')).toBeTruthy();
    const [file, name] = save.mock.calls[0] as [Blob, string];
    expect([file.size, name]).toEqual([3000, 'Loan pipeline.csv']);
  });

  it('stops a download on Cancel, saving nothing', async () => {
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new Uint8Array(10));
          init.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return new Response(body);
    });
    const save = renderExport();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Export Loan pipeline' }));
    await user.click(screen.getByRole('button', { name: 'Excel (XLSX)' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    await vi.waitFor(() => expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull());
    expect(save).not.toHaveBeenCalled();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("says the server's refusal", async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ code: 'forbidden', title: 'Forbidden', detail: 'You may not export loan applications.' }), { status: 403 }));
    const save = renderExport();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Export Loan pipeline' }));
    await user.click(screen.getByRole('button', { name: 'CSV' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The export failed. You may not export loan applications.');
    expect(save).not.toHaveBeenCalled();
  });
});
