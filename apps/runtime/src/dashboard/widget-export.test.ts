import { ApiProblem } from '@bankforge/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadExport, fileNameOf } from './widget-export.js';

afterEach(() => vi.unstubAllGlobals());

/** A response whose body arrives in the chunks given. */
function streamed(chunks: string[], headers: Record<string, string>): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers });
}

describe('downloadExport', () => {
  it("tells each chunk's arrival against the size, asks in the UI language, and names the file as the server does", async () => {
    const fetch = vi.fn(async () => streamed(['a,b\n', '1,2\n'], { 'content-type': 'text/csv', 'content-length': '8', 'content-disposition': 'attachment; filename="pipeline.csv"' }));
    vi.stubGlobal('fetch', fetch);
    const progress: unknown[] = [];
    const download = await downloadExport('/api/x', { language: 'zh-CN', fallbackName: 'x.csv', onProgress: (p) => progress.push(p) });
    expect(progress).toEqual([{ received: 0, total: 8 }, { received: 4, total: 8 }, { received: 8, total: 8 }]);
    expect([await download.file.text(), download.file.type, download.name]).toEqual(['a,b\n1,2\n', 'text/csv', 'pipeline.csv']);
    expect(fetch).toHaveBeenCalledWith('/api/x', expect.objectContaining({ credentials: 'same-origin', headers: { 'accept-language': 'zh-CN' } }));
  });

  it("throws the server's refusal as a problem, and a dropped connection as a network error", async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ code: 'forbidden', title: 'Forbidden', detail: 'No export right' }), { status: 403 }));
    await expect(downloadExport('/api/x', { language: 'en', fallbackName: 'x.csv', onProgress: () => undefined })).rejects.toMatchObject({ status: 403, code: 'forbidden' });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const failure = downloadExport('/api/x', { language: 'en', fallbackName: 'x.csv', onProgress: () => undefined });
    await expect(failure).rejects.toBeInstanceOf(ApiProblem);
    await expect(failure).rejects.toMatchObject({ status: 0, code: 'networkError' });
  });
});

describe('fileNameOf', () => {
  it('reads a UTF-8 name, a plain one, or falls back', () => {
    expect(fileNameOf("attachment; filename*=UTF-8''%E8%B4%B7%E6%AC%BE.xlsx", 'x.xlsx')).toBe('贷款.xlsx');
    expect(fileNameOf('attachment; filename=report.csv', 'x.csv')).toBe('report.csv');
    expect(fileNameOf(null, 'x.csv')).toBe('x.csv');
  });
});
