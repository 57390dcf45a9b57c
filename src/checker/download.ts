/** Saves text as a file through a blob: URL (made in the page; nothing is uploaded). */
export function downloadText(text: string, fileName: string, type = "application/json"): void {
  download(new Blob([text], { type: `${type};charset=utf-8` }), fileName);
}

/** Saves bytes made in the page (the summary workbook) as a file. */
export function downloadBytes(bytes: Uint8Array, fileName: string, type: string): void {
  download(new Blob([bytes as BlobPart], { type }), fileName);
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL is no longer needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
