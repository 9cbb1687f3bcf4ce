// Starts the export worker. A module of its own because `import.meta.url` is for webpack (which
// turns this into a worker chunk with the core, docx and the HTML adapter), not for jest.
export function createExportWorker(): Worker {
  return new Worker(new URL("./export.worker.ts", import.meta.url), { name: "baocao-export" });
}
