/**
 * The file name the console derives from a name the user typed (New flow…, New environment…):
 * `Card activation` -> `card-activation`. Shared so the page's hint shows exactly the file main
 * then writes.
 */

/**
 * Lower case, runs of anything but `a-z 0-9 . _ -` as one dash, no leading or trailing junk;
 * `extension` (`.json`), when the text already ends with it, is dropped first.
 */
export function fileNameFromTitle(text: string, extension = ''): string {
  let name = text.trim().toLowerCase();
  if (extension !== '' && name.endsWith(extension.toLowerCase())) {
    name = name.slice(0, -extension.length);
  }
  return name.replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
}
