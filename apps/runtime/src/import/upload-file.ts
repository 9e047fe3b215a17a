import { ApiProblem, type ImportJob } from '@bankforge/client';

/**
 * Uploads an import file with the browser's XMLHttpRequest, the one API that reports upload
 * progress; the body is the file itself (streamed by the browser, never read into script).
 */
export function uploadImportFile(entity: string, file: File, onProgress: (share: number) => void): Promise<ImportJob> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/imports?entity=${encodeURIComponent(entity)}&name=${encodeURIComponent(file.name)}`);
    request.setRequestHeader('accept', 'application/json');
    request.setRequestHeader('content-type', /\.xlsx$/i.test(file.name) ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv');
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onerror = () => reject(new ApiProblem(0, 'networkError', 'Network error', 'The upload did not reach the server.'));
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300) resolve(body as ImportJob);
      else reject(ApiProblem.from(request.status, body));
    };
    request.send(file);
  });
}
