// The reading half of "Tổng hợp", in the lazy "xlsx-tools" chunk (re-exported by xlsx-tools.ts):
// the picked files go one at a time through the same driver as `baocao consolidate`
// (consolidateFiles), with the browser's SHA-256 and a pause between files so the pane repaints
// its progress bar and "Dừng" can be clicked.
import type { ConsolidationResult } from "../../core/consolidate";
import type { Template } from "../../core/model/load";
import {
  consolidateFiles as readUnitFiles,
  type ConsolidateFilesOptions,
  type UnitFile,
} from "../../adapters/xlsx/consolidate";
import { findTemplate } from "../../templates";
import { consolidateWorkbooks } from "../../usecases/consolidate";
import { withChecksumNote } from "../logic/consolidate-sources";
import type { ConsolidateChoices, ConsolidateProgress, PickedFile } from "./consolidate";
import { loadExcelJs } from "./xlsx-tools";

/** Lets the browser paint and handle input (a click on "Dừng", in the worker the "stop" message)
 * before the next file is parsed. A MessageChannel task rather than setTimeout(0): chained timers
 * are clamped to 4 ms each, which a 50-file run paid 50 times. */
function yieldToBrowser(): Promise<void> {
  if (typeof MessageChannel === "undefined") return new Promise((r) => setTimeout(r, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

type Subtle = Pick<SubtleCrypto, "digest">;

/** crypto.subtle exists only on secure pages (https, localhost); null elsewhere (plain http). */
export function subtleCrypto(): Subtle | null {
  const c = (globalThis as { crypto?: { subtle?: Subtle } }).crypto;
  return c?.subtle && typeof c.subtle.digest === "function" ? c.subtle : null;
}

export async function sha256Hex(subtle: Subtle, bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await subtle.digest("SHA-256", bytes as BufferSource));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Through the use case `baocao consolidate` runs too (src/usecases/consolidate.ts). */
async function consolidateFiles(files: UnitFile[], options: ConsolidateFilesOptions) {
  return (await consolidateWorkbooks(files, options, readUnitFiles)).result;
}

export async function consolidatePickedFiles(
  files: readonly PickedFile[],
  choices: ConsolidateChoices,
  run: {
    onProgress?: (p: ConsolidateProgress) => void;
    signal?: AbortSignal;
    /** Where template ids are looked up (default: the built-ins). */
    find?: (id: string) => Template | undefined;
  } = {},
  subtle: Subtle | null = subtleCrypto()
): Promise<ConsolidationResult> {
  const exceljs = await loadExcelJs();
  // Each file's bytes are asked for as the one before it is taken, so the browser reads the next
  // file while this one is parsed (the driver reads them one at a time, in order).
  const bytes = new Map<number, Promise<ArrayBuffer>>();
  const fetchBytes = (i: number): Promise<ArrayBuffer> | undefined => {
    if (i >= files.length) return undefined;
    let p = bytes.get(i);
    if (!p) {
      p = files[i].arrayBuffer();
      // A failure is the driver's to report when it asks for this file, not an unhandled one.
      p.catch(() => undefined);
      bytes.set(i, p);
    }
    return p;
  };
  const unitFiles: UnitFile[] = files.map((f, i) => ({
    name: f.name,
    fileTime:
      typeof f.lastModified === "number" && f.lastModified > 0
        ? new Date(f.lastModified).toISOString()
        : null,
    read: async () => {
      const mine = fetchBytes(i)!;
      bytes.delete(i);
      fetchBytes(i + 1);
      await yieldToBrowser();
      return new Uint8Array(await mine);
    },
  }));
  const result = await consolidateFiles(unitFiles, {
    exceljs,
    // Without crypto.subtle the checksum stays empty (the driver's "not computed") and each
    // source says why, rather than the pane refusing to consolidate.
    sha256: async (bytes) => (subtle ? sha256Hex(subtle, bytes) : ""),
    onProgress: run.onProgress
      ? (done, total, file) => run.onProgress?.({ done, total, file })
      : undefined,
    signal: run.signal,
    find: run.find ?? findTemplate,
    template: choices.template,
    period: choices.period,
    insist: choices.insist,
    expectedUnits: choices.expectedUnits,
    issuer: choices.issuer,
    prefer: choices.prefer,
    approvals: choices.approvals,
    deadline: choices.deadline,
  });
  return subtle ? result : withChecksumNote(result);
}
