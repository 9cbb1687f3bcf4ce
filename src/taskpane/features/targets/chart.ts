// The chart actions of the Chỉ tiêu tab, hosted mode only: each is one Excel.run through the engine
// chunk's Office.js adapter (src/adapters/office/targets-chart.ts).
import { loadEngine } from "../../engine";

export async function drawTargetsChart(
  sheetName: string,
  targetIds: readonly string[]
): Promise<{ syncs: number }> {
  const engine = await loadEngine();
  return Excel.run((context) => engine.insertTargetsChart(context, { sheetName, targetIds }));
}

export async function removeTargetsChart(sheetName: string): Promise<{ syncs: number }> {
  const engine = await loadEngine();
  return Excel.run((context) => engine.removeTargetsChart(context, sheetName));
}

export async function targetsChartPresent(sheetName: string): Promise<boolean> {
  const engine = await loadEngine();
  return Excel.run((context) => engine.hasTargetsChart(context, sheetName));
}
