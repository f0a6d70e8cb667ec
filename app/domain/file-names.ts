/** Download names: municipality, period and date, safe on every system; RFC 5987 for Cyrillic. */
export function exportFileName(
  municipality: string,
  start: number,
  end: number,
  extension: string,
  suffix = "",
  date = new Date(),
): string {
  const safe = municipality
    .replace(/[\\/:*?"<>|\s]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_|_$/g, "");
  const day = date.toISOString().slice(0, 10);
  return `${safe}_${start}-${end}${suffix ? "_" + suffix : ""}_${day}.${extension}`;
}

export function attachmentHeaders(fileName: string): Record<string, string> {
  const ascii = fileName.normalize("NFKD").replace(/[^\x20-\x7e]/g, "_");
  return {
    "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    "Cache-Control": "no-store",
  };
}
