import { ApiProblem } from '@bankforge/client';

/** How much of a download has arrived; `total` when the server said the size. */
export interface Received {
  received: number;
  total?: number;
}

export interface Download {
  file: Blob;
  name: string;
}

/** The file name the server gave (`Content-Disposition`), else `fallback`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      return fallback;
    }
  }
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1]?.trim() || fallback;
}

async function problemOf(response: Response): Promise<ApiProblem> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // A proxy's page: the status says enough.
  }
  return ApiProblem.from(response.status, body);
}

/**
 * Downloads an export with the session cookie, telling each chunk's arrival (a big XLSX takes a
 * while to stream); a refusal or a network failure is thrown as an `ApiProblem`, as the API client does.
 */
export async function downloadExport(
  url: string,
  { language, fallbackName, onProgress, signal }: { language: string; fallbackName: string; onProgress(received: Received): void; signal?: AbortSignal },
): Promise<Download> {
  try {
    const response = await fetch(url, { credentials: 'same-origin', headers: { 'accept-language': language }, ...(signal ? { signal } : {}) });
    if (!response.ok) throw await problemOf(response);
    const length = Number(response.headers.get('content-length'));
    const total = Number.isFinite(length) && length > 0 ? length : undefined;
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    let received = 0;
    onProgress({ received, ...(total ? { total } : {}) });
    const reader = response.body?.getReader();
    if (reader) {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        chunks.push(chunk.value);
        received += chunk.value.byteLength;
        onProgress({ received, ...(total ? { total } : {}) });
      }
    }
    const type = response.headers.get('content-type') ?? 'application/octet-stream';
    return { file: new Blob(chunks, { type }), name: fileNameOf(response.headers.get('content-disposition'), fallbackName) };
  } catch (error) {
    // The reader's cancel is no failure; the connection dropping before or while the file arrives is.
    if (error instanceof ApiProblem || signal?.aborted) throw error;
    throw new ApiProblem(0, 'networkError', 'Network error', error instanceof Error ? error.message : String(error));
  }
}
