// Runs in the renderer. Hands a file to the browser's download (Electron shows its save dialog; the preview downloads
// it): the CSV and JSON exports and the .ics invite all leave this way.
export function download(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
