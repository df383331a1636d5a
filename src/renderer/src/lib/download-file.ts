/**
 * Saves text as a file the way the page's shell does it: a download in the browser, the save flow
 * of Electron's session in the desktop app. The object URL is released once the click has started
 * the download.
 */

/** Offers `content` as a download named `fileName`. */
export function downloadFile(fileName: string, content: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
