// Starts the consolidation worker. A module of its own because `import.meta.url` is for webpack
// (which turns this into a worker chunk with the core and ExcelJS), not for jest.
export function createConsolidateWorker(): Worker {
  return new Worker(new URL("./consolidate.worker.ts", import.meta.url), {
    name: "baocao-consolidate",
  });
}
