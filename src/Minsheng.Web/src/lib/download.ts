/** Saves a file the API returned as base64 (an exported plan, a bulletin's .docx) under its own name. */
export function saveFile(file: { fileName: string; mediaType: string; contentBase64: string }): void {
  const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([bytes], { type: file.mediaType }));
  link.download = file.fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}
