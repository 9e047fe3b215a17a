/** Hands a file the server made to the browser as a download (the reader's browser decides where it goes). */
export type SaveFile = (file: Blob, name: string) => void;

export const saveFile: SaveFile = (file, name) => {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it started.
  setTimeout(() => URL.revokeObjectURL(url), 0);
};
