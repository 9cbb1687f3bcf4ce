// Queued writes with a size estimate, flushed in as few context.sync() calls as the 5 MB request
// cap of Excel on the web allows. A template's writes normally fit in one batch.

export interface BatchContext {
  context: Excel.RequestContext;
  /** The worksheet proxy for a name, made once per batch. */
  sheet(name: string): Excel.Worksheet;
  /** Remembers the proxy of a sheet added in this batch: a proxy stays bound to the sheet it
   * first found, so a name looked up before a rename would keep pointing at the old sheet. */
  remember(name: string, sheet: Excel.Worksheet): void;
}

export interface Op {
  bytes: number;
  apply(b: BatchContext): void;
}

/** Bytes Office.js sends per queued action besides its arguments (measured order of magnitude). */
const ACTION_OVERHEAD = 180;

export function op(args: unknown, apply: (b: BatchContext) => void): Op {
  return { bytes: ACTION_OVERHEAD + JSON.stringify(args ?? null).length * 2, apply };
}

/** Stay well under Excel on the web's 5 MB per request. */
export const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;

export function chunk(ops: readonly Op[], limit = DEFAULT_CHUNK_BYTES): Op[][] {
  const chunks: Op[][] = [];
  let current: Op[] = [];
  let size = 0;
  for (const o of ops) {
    if (current.length > 0 && size + o.bytes > limit) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(o);
    size += o.bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Applies ops chunk by chunk, one sync per chunk; returns the number of syncs. */
export async function runBatches(
  context: Excel.RequestContext,
  ops: readonly Op[],
  limit?: number
): Promise<number> {
  let syncs = 0;
  for (const part of chunk(ops, limit)) {
    const sheets = new Map<string, Excel.Worksheet>();
    const b: BatchContext = {
      context,
      sheet(name) {
        let ws = sheets.get(name);
        if (!ws) {
          ws = context.workbook.worksheets.getItem(name);
          sheets.set(name, ws);
        }
        return ws;
      },
      remember(name, ws) {
        sheets.set(name, ws);
      },
    };
    for (const o of part) o.apply(b);
    // One sync per chunk is the point: each chunk stays under the request size cap.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    syncs++;
  }
  return syncs;
}
