import type { RangeAddress } from "./a1";
import { definedName, type NameTarget } from "./names";
import { PAGE_SETUP } from "./plan";
import type { PlanCell, PlannedName, PlanValidation, SheetPlan, SheetRole } from "./plan";

/** Accumulates one sheet of the plan; every input registered here gets its defined name. */
export class SheetBuilder {
  readonly sheet: SheetPlan;
  private readonly cellIndex = new Map<number, PlanCell>();

  constructor(
    key: string,
    name: string,
    role: SheetRole,
    columns: number[],
    private readonly names: PlannedName[]
  ) {
    this.sheet = {
      key,
      name,
      role,
      hidden: false,
      columns,
      rowHeights: {},
      cells: [],
      merges: [],
      validations: [],
      print: { landscape: false },
      page: {
        ...PAGE_SETUP,
        margins: { ...PAGE_SETUP.margins },
        footer: { ...PAGE_SETUP.footer },
      },
      protection: { formatColumns: true, formatRows: true },
    };
  }

  get lastColumn(): number {
    return this.sheet.columns.length;
  }

  set(row: number, col: number, spec: Omit<PlanCell, "row" | "col">): PlanCell {
    const key = row * 16384 + col;
    const existing = this.cellIndex.get(key);
    if (existing) {
      Object.assign(existing, spec);
      return existing;
    }
    const cell: PlanCell = { row, col, ...spec };
    this.cellIndex.set(key, cell);
    this.sheet.cells.push(cell);
    return cell;
  }

  get(row: number, col: number): PlanCell | undefined {
    return this.cellIndex.get(row * 16384 + col);
  }

  /** Merges a range, giving every covered cell the anchor's style so borders and fill stay whole. */
  merge(range: RangeAddress): void {
    if (range.top === range.bottom && range.left === range.right) return;
    const anchor = this.get(range.top, range.left);
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) {
        if ((r !== range.top || c !== range.left) && anchor && !this.get(r, c)) {
          this.set(r, c, { style: anchor.style, numFmt: anchor.numFmt });
        }
      }
    }
    this.sheet.merges.push(range);
  }

  height(row: number, points: number): void {
    this.sheet.rowHeights[row] = points;
  }

  validate(v: PlanValidation): void {
    this.sheet.validations.push(v);
  }

  name(target: NameTarget, range: RangeAddress): void {
    this.names.push({ name: definedName(target), target, sheet: this.sheet.name, range });
  }
}

/** Row height for wrapped text in a merged area, which Excel cannot autofit. */
export function estimateHeight(
  text: string,
  widthChars: number,
  minLines = 1,
  pointsPerLine = 16
): number {
  const lines = text
    .split("\n")
    .reduce(
      (n, para) => n + Math.max(1, Math.ceil((para.length * 1.1) / Math.max(10, widthChars))),
      0
    );
  return Math.min(409, Math.max(minLines, lines) * pointsPerLine + 4);
}
