// Round trips of one "Kiểm tra" in the Office session, counted by the in-memory Excel host: two
// (read, marks) the first time and after, on ExcelApi 1.7 (findings sheet) and the latest
// (comments), with earlier marks to replace, with 1 sheet and with 30. The exceptions are stated:
// a user's comment on a sheet that gets marks (where it is takes a round trip), more sheets than
// are asked for by position, and a workbook too big for one response (read in blocks).
import { createExcelHost, installGlobals } from "../excel-host";
import { insertTemplate } from "../../src/adapters/office/insert";
import { GUESSED_SHEETS, readOpenWorkbook } from "../../src/adapters/office/read";
import { cellA1 } from "../../src/core/layout/a1";
import { planWorkbook } from "../../src/core/layout/planner";
import type { ReportData } from "../../src/core/data/types";
import { isNumericType } from "../../src/core/model/load";
import { findTemplate } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import { OfficeSession } from "../../src/taskpane/session";

const template = findTemplate("quarterly-activity")!;
const names = planWorkbook(template).names;
const at = (name: string) => {
  const n = names.find((x) => x.name === name)!;
  return { sheet: n.sheet, cell: cellA1(n.range.top, n.range.left) };
};
const negative = at("BC_tt_luot_tham_gia");

type Profile = "1.7" | "latest";

/** A quarterly workbook with one error, plus sheets of the user's (each with a table) up to `total`. */
async function faulty(profile: Profile, total = 0, limits?: { responseBytes: number }) {
  const made = createExcelHost({ profile, ...(limits ? { limits } : {}) });
  const { host, Excel, Office } = made;
  const supports = (v: string) => Office.context.requirements.isSetSupported("ExcelApi", v);
  await Excel.run((context) =>
    insertTemplate(context, template, { data: loadSample(template.id), supports })
  );
  for (let i = 1; host.sheetNames().length < total; i++) {
    host.addSheet(`Ghi chú ${i}`);
    host.setValues(`Ghi chú ${i}`, "A1:C2", [
      ["Việc", "Người", "Số"],
      [`việc ${i}`, "chị Lan", i],
    ]);
  }
  host.setValues(negative.sheet, negative.cell, [[-3]]);
  return { host, Excel, session: new OfficeSession(supports) };
}

/** Runs one check and returns it with the round trips the host counted. */
async function check(host: ReturnType<typeof createExcelHost>["host"], session: OfficeSession) {
  const before = host.syncCount;
  const outcome = await session.validate();
  return { outcome, trips: host.syncCount - before };
}

describe.each(["1.7", "latest"] as const)("Kiểm tra on ExcelApi %s", (profile) => {
  test.each([
    ["the template's sheets only", 0],
    ["30 sheets in all", 30],
  ] as const)(
    "%s: 2 round trips the first time, with earlier marks and after; clearing in 2",
    async (_label, total) => {
      const { host, session } = await faulty(profile, total);
      const undo = installGlobals(host);
      try {
        if (total > 0) expect(host.sheetNames()).toHaveLength(total);
        const before = JSON.stringify(host.toSnapshot());
        const first = await check(host, session);
        expect(first.outcome).toMatchObject({ status: "checked", errors: 1, marked: 1 });
        expect(first.outcome.syncs).toEqual({ read: 1, marks: 1 });
        expect(first.trips).toBe(2);
        // The next check replaces the marks (and the findings sheet on 1.7) in the same 2.
        const again = await check(host, session);
        expect(again.outcome).toMatchObject({ status: "checked", errors: 1, marked: 1 });
        expect(again.trips).toBe(2);
        expect(host.sheet(negative.sheet).conditionalFormats()).toHaveLength(1);
        expect(host.sheetNames().filter((n) => n.startsWith("Kết quả kiểm tra"))).toHaveLength(
          profile === "1.7" ? 1 : 0
        );
        // "Xoá đánh dấu": the states by position, then the deletions; the workbook as it was.
        const trips = host.syncCount;
        expect(await session.clearMarks()).toBe(2);
        expect(host.syncCount - trips).toBe(2);
        expect(JSON.stringify(host.toSnapshot())).toBe(before);
      } finally {
        undo();
      }
    }
  );

  test("a new session on a workbook marked by an earlier one: 2 round trips, the old marks replaced", async () => {
    const { host, session } = await faulty(profile);
    const undo = installGlobals(host);
    try {
      await session.validate();
      // Another pane (or the same one reopened) knows nothing of the sheets or the marks.
      const fresh = new OfficeSession(session.supports);
      const first = await check(host, fresh);
      expect(first.trips).toBe(2);
      expect(first.outcome).toMatchObject({ status: "checked", marked: 1 });
      expect(host.sheet(negative.sheet).conditionalFormats()).toHaveLength(1);
      expect(host.sheet(negative.sheet).comments()).toHaveLength(profile === "1.7" ? 0 : 1);
      expect(host.hasSheet("Kết quả kiểm tra (2)")).toBe(false);
    } finally {
      undo();
    }
  });

  test("a workbook of one sheet without a template: one round trip, nothing to mark", async () => {
    const { host, Office } = createExcelHost({ profile });
    expect(host.sheetNames()).toHaveLength(1);
    const undo = installGlobals(host);
    try {
      const session = new OfficeSession((v) =>
        Office.context.requirements.isSetSupported("ExcelApi", v)
      );
      const r = await check(host, session);
      expect(r.outcome).toMatchObject({ status: "problem", syncs: { read: 1, marks: 0 } });
      expect(r.trips).toBe(1);
    } finally {
      undo();
    }
  });
});

test("a cluster of 300 units with 27,900 findings (the e2e workbook): 2 round trips, responses under the cap", async () => {
  const cluster = findTemplate("cluster-emulation")!;
  const data: ReportData = loadSample(cluster.id);
  const figures = cluster.indicators.filter(
    (i) => i.perUnit && isNumericType(i.type) && !i.computed
  );
  data.units = Array.from({ length: 300 }, (_, k) => ({
    name: `LĐLĐ đơn vị ${k + 1}`,
    parent: null,
    values: Object.fromEntries(figures.map((i) => [i.id, -1])),
  }));
  const { host, Excel, Office } = createExcelHost({ profile: "latest" });
  const supports = (v: string) => Office.context.requirements.isSetSupported("ExcelApi", v);
  await Excel.run((context) => insertTemplate(context, cluster, { data, supports }));
  const undo = installGlobals(host);
  try {
    const session = new OfficeSession(supports);
    const first = host.stats.length;
    const r = await check(host, session);
    expect(r.outcome).toMatchObject({ status: "checked", marked: 500 });
    expect(r.trips).toBe(2);
    // The first read also carries the used ranges' formulas: larger, still under 5 MB.
    const [read] = host.stats.slice(first);
    expect(read.responseBytes).toBeLessThan(5 * 1024 * 1024);
  } finally {
    undo();
  }
});

describe("the exceptions, stated", () => {
  test("a user's comment on a sheet without marks costs nothing; on a sheet with marks, one round trip, and it stays", async () => {
    const { host, Excel, session } = await faulty("latest");
    host.addSheet("Ghi chú");
    host.setValues("Ghi chú", "A1", [["của tôi"]]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Ghi chú").comments.add("Ghi chú!A1", "hỏi lại");
      await context.sync();
    });
    const undo = installGlobals(host);
    try {
      expect((await check(host, session)).trips).toBe(2);
      // On the marked cell itself: the user's comment stays and the cell gets no note of ours.
      await Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(negative.sheet);
        ws.protection.unprotect();
        context.workbook.comments.getItemByCell(`${negative.sheet}!${negative.cell}`).delete();
        ws.comments.add(`${negative.sheet}!${negative.cell}`, "Số này tôi hỏi lại");
        ws.protection.protect();
        await context.sync();
      });
      const r = await check(host, session);
      expect(r.outcome.syncs).toEqual({ read: 1, marks: 2 });
      expect(r.trips).toBe(3);
      const theirs = host.sheet(negative.sheet).comments();
      expect(theirs).toHaveLength(1);
      expect(theirs[0]).toMatchObject({ content: "Số này tôi hỏi lại" });
      expect(host.sheet(negative.sheet).conditionalFormats()).toHaveLength(1);
    } finally {
      undo();
    }
  });

  test(`more than ${GUESSED_SHEETS} sheets: the rest are read in a second sync`, async () => {
    const { host, session } = await faulty("1.7", GUESSED_SHEETS + 5);
    const undo = installGlobals(host);
    try {
      const r = await check(host, session);
      expect(r.outcome.syncs).toEqual({ read: 2, marks: 1 });
      // The next check knows the sheets: 2 again.
      expect((await check(host, session)).trips).toBe(2);
    } finally {
      undo();
    }
  });

  test("a workbook too big for one response is read in blocks, with the same findings", async () => {
    const { host, session } = await faulty("latest", 0, { responseBytes: 64 * 1024 });
    const undo = installGlobals(host);
    try {
      const r = await check(host, session);
      expect(r.outcome).toMatchObject({ status: "checked", errors: 1, marked: 1 });
      expect(r.outcome.syncs.read).toBeGreaterThan(2);
    } finally {
      undo();
    }
  });

  test("a host that refuses loads through a null sheet: the read goes by the sheet list, same snapshot", async () => {
    const { host, Excel, session } = await faulty("1.7");
    const plain = await Excel.run((context) =>
      readOpenWorkbook(context, { supports: session.supports, guessSheets: 0 })
    );
    const refused = await Excel.run(async (context) => {
      const sync = context.sync.bind(context);
      let first = true;
      // The first sync (the one asking by position) fails as such a host would fail it.
      context.sync = ((passThrough?: unknown) => {
        if (!first) return sync(passThrough);
        first = false;
        return sync().then(() =>
          Promise.reject(Object.assign(new Error("x"), { code: "GeneralException" }))
        );
      }) as typeof context.sync;
      return readOpenWorkbook(context, { supports: session.supports });
    });
    expect(refused.syncs).toBe(plain.syncs + 1);
    expect(refused.snapshot).toEqual(plain.snapshot);
    expect(host.syncCount).toBeGreaterThan(0);
  });

  test("a total name past the used range has its cells read on their own in a second sync", async () => {
    const { Excel, session } = await faulty("latest");
    const isTotal = (n: string) => n.startsWith("BCT_");
    const inside = await Excel.run((context) =>
      readOpenWorkbook(context, { supports: session.supports, formulasOf: isTotal })
    );
    expect(inside.syncs).toBe(1);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(negative.sheet);
      context.workbook.names.add("BCT_ngoai_vung", ws.getRange("ZZ900"));
      await context.sync();
    });
    const past = await Excel.run((context) =>
      readOpenWorkbook(context, { supports: session.supports, formulasOf: isTotal })
    );
    expect(past.syncs).toBe(2);
    // Same cells, and the same formulas wherever there is one (a sheet given a total name gets a
    // grid of formulas, nulls where none).
    const formulas = (r: typeof past) =>
      r.snapshot.sheets.map((x) => (x.formulas ?? []).flat().filter((f) => f !== null));
    expect(past.snapshot.sheets.map((x) => x.values)).toEqual(
      inside.snapshot.sheets.map((x) => x.values)
    );
    expect(formulas(past)).toEqual(formulas(inside));
  });
});
