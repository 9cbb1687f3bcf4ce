/* eslint-disable office-addins/load-object-before-read, office-addins/call-sync-before-read --
   These tests read before load/sync on purpose to prove the host throws, and the rules' heuristics
   cannot follow navigation objects (range.dataValidation) or ClientResult.value. */
/**
 * Fidelity of the workbook model: addresses, sheets, names, protection, formats, validation
 * rules, snapshots.
 */
import { ExcelHost, WorkbookSnapshot, createExcelHost } from "./index";

describe("addresses with Vietnamese sheet names", () => {
  const snapshot: WorkbookSnapshot = {
    sheets: [
      { name: "Đơn vị", cells: { B5: "Công đoàn cơ sở", C9: 12 } },
      { name: "TổngHợp" },
      { name: "Bà Rịa's" },
      { name: "2024" },
      { name: "A1" },
    ],
  };

  test("Range.address quotes only names that are not plain identifiers", async () => {
    const { Excel } = createExcelHost({ workbook: snapshot });
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const ranges = [
        sheets.getItem("Đơn vị").getRange("B5:C9"),
        sheets.getItem("TổngHợp").getRange("A1"),
        sheets.getItem("Bà Rịa's").getRange("A1"),
        sheets.getItem("2024").getRange("A1"),
        sheets.getItem("A1").getRange("A1"),
        sheets.getItem("Đơn vị").getRange("C:C"),
        sheets.getItem("Đơn vị").getRange("5:5"),
        sheets.getItem("Đơn vị").getRange(),
      ];
      ranges.forEach((r) => r.load("address"));
      await context.sync();
      expect(ranges.map((r) => r.address)).toEqual([
        "'Đơn vị'!B5:C9",
        "TổngHợp!A1",
        "'Bà Rịa''s'!A1",
        "'2024'!A1",
        "'A1'!A1",
        "'Đơn vị'!C:C",
        "'Đơn vị'!5:5",
        "'Đơn vị'!1:1048576",
      ]);
    });
  });

  test("sheet-qualified, quoted and absolute addresses resolve", async () => {
    const { Excel } = createExcelHost({ workbook: snapshot });
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Đơn vị");
      const a = ws.getRange("'Đơn vị'!$B$5:C9");
      const b = ws.getRange("c9:b5");
      a.load("values, rowCount, columnCount");
      b.load("address");
      const named = context.workbook.names.add("Khac", "='Bà Rịa''s'!$A$1:$A$3");
      const target = named.getRange();
      target.load("address");
      await context.sync();
      expect([a.rowCount, a.columnCount]).toEqual([5, 2]);
      expect(a.values[0][0]).toBe("Công đoàn cơ sở");
      expect(a.values[4][1]).toBe(12);
      expect(b.address).toBe("'Đơn vị'!B5:C9");
      expect(target.address).toBe("'Bà Rịa''s'!A1:A3");
    });
  });

  test("an address on another sheet or outside the grid is rejected", async () => {
    const { Excel } = createExcelHost({ workbook: snapshot });
    const load = (address: string) =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Đơn vị").getRange(address).load("address");
        await context.sync();
      });
    for (const address of ["TổngHợp!A1", "XFE1", "A0", "A1:B2:C3"]) {
      await expect(load(address)).rejects.toMatchObject({ code: "InvalidArgument" });
    }
  });
});

describe("worksheets", () => {
  test("adding a duplicate name fails with ItemAlreadyExists (case-insensitive)", async () => {
    const { host, Excel } = createExcelHost();
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.add("SHEET1");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    expect(host.sheetNames()).toEqual(["Sheet1"]);
  });

  test.each([
    ["x".repeat(32)],
    ["Quý 1/2024"],
    ["a[b]"],
    ["Tên:"],
    ["*"],
    ["?"],
    ["a\\b"],
    ["'x"],
    [""],
  ])("sheet name %j is rejected with InvalidArgument", async (name) => {
    const { Excel } = createExcelHost();
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.add(name);
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("31-character Vietnamese names, visibility, tab colour, freeze panes and position", async () => {
    const { host, Excel } = createExcelHost();
    const longName = "Báo cáo tổng hợp quý IV năm 2024".slice(0, 31);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.add(longName);
      ws.tabColor = "#c00000";
      ws.freezePanes.freezeRows(3);
      const hidden = context.workbook.worksheets.add("Danh mục");
      hidden.visibility = Excel.SheetVisibility.veryHidden;
      ws.position = 0;
      const loc = ws.freezePanes.getLocationOrNullObject();
      loc.load("address");
      await context.sync();
      expect(loc.address).toBe(`'${longName}'!1:3`);
    });
    expect(host.sheetNames()).toEqual([longName, "Sheet1", "Danh mục"]);
    expect(host.sheet(longName)).toMatchObject({ tabColor: "#C00000", frozenRows: 3, position: 0 });
    expect(host.sheet("Danh mục").visibility).toBe("VeryHidden");
  });

  test("the last visible sheet cannot be hidden or deleted", async () => {
    const { Excel } = createExcelHost();
    const attempt = (act: (ws: Excel.Worksheet) => void) =>
      Excel.run(async (context) => {
        act(context.workbook.worksheets.getItem("Sheet1"));
        await context.sync();
      });
    await expect(attempt((ws) => (ws.visibility = "Hidden"))).rejects.toMatchObject({
      code: "InvalidOperation",
    });
    await expect(attempt((ws) => ws.delete())).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  test("used range ignores formatting when valuesOnly; a blank sheet reports A1", async () => {
    const { Excel } = createExcelHost();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const blank = ws.getUsedRange();
      blank.load("address");
      await context.sync();
      expect(blank.address).toBe("Sheet1!A1");
      ws.getRange("B2:C3").values = [
        [1, 2],
        [3, 4],
      ];
      ws.getRange("F10").format.fill.color = "#FFFF00";
      const all = ws.getUsedRange();
      const values = ws.getUsedRange(true);
      all.load("address");
      values.load("address");
      await context.sync();
      expect(all.address).toBe("Sheet1!B2:F10");
      expect(values.address).toBe("Sheet1!B2:C3");
    });
  });
});

describe("values, formulas and text", () => {
  test("strings starting with '=' become formulas; formulas accept constants", async () => {
    const { host, Excel } = createExcelHost();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:A3").values = [[2], [3], ["=SUM(A1:A2)"]];
      ws.getRange("B1:B2").formulas = [["=A1*2"], [7]];
      await context.sync();
      host.setCachedValue("Sheet1", "A3", 5);
      const r = ws.getRange("A1:B3");
      r.load("values, formulas, valueTypes");
      await context.sync();
      expect(r.formulas).toEqual([
        [2, "=A1*2"],
        [3, 7],
        ["=SUM(A1:A2)", ""],
      ]);
      expect(r.values).toEqual([
        [2, ""],
        [3, 7],
        [5, ""],
      ]);
      expect(r.valueTypes).toEqual([
        ["Double", "Empty"],
        ["Double", "Double"],
        ["Double", "Empty"],
      ]);
    });
    expect(host.sheet("Sheet1").cell("A3")).toMatchObject({ formula: "=SUM(A1:A2)", value: 5 });
  });

  test("typed text is interpreted like Excel (leading zeros lost unless the cell is Text)", async () => {
    const { host, Excel } = createExcelHost();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B1:B2").numberFormat = [["@"], ["General"]];
      ws.getRange("A1:A6").values = [["00123"], ["'00123"], ["TRUE"], ["12,5"], ["1,250"], ["15%"]];
      ws.getRange("B1:B2").values = [["00123"], ["00123"]];
      await context.sync();
    });
    const sheet = host.sheet("Sheet1");
    expect(sheet.values("A1:A6")).toEqual([[123], ["00123"], [true], ["12,5"], [1250], [0.15]]);
    expect(sheet.cell("A6")).toMatchObject({ numberFormat: "0%", text: "15%" });
    expect(sheet.values("B1:B2")).toEqual([["00123"], [123]]);
  });

  test("Range.text follows the number format", async () => {
    const { Excel } = createExcelHost();
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:F1");
      r.values = [[1234567.891, 0.1234, 45383, 1 / 3, -1500, true]];
      r.numberFormat = [
        ["#,##0", "0.0%", "dd/mm/yyyy", "General", "#,##0.00;(#,##0.00)", "General"],
      ];
      r.load("text");
      await context.sync();
      expect(r.text).toEqual([
        ["1,234,568", "12.3%", "01/04/2024", "0.333333333", "(1,500.00)", "TRUE"],
      ]);
    });
  });

  test("a scalar applies to every cell; null entries leave cells unchanged", async () => {
    const { host, Excel } = createExcelHost();
    host.setValues("Sheet1", "A1:B1", [["giữ", "cũ"]]);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:B1").values = [[null, "mới"]] as unknown as string[][];
      ws.getRange("C1:D2").numberFormat = "0.00" as unknown as string[][];
      await context.sync();
    });
    expect(host.sheet("Sheet1").values("A1:B1")).toEqual([["giữ", "mới"]]);
    expect(host.sheet("Sheet1").cell("D2").numberFormat).toBe("0.00");
  });
});

describe("named items", () => {
  const book: WorkbookSnapshot = {
    sheets: [{ name: "Sheet 1", cells: { C5: 10, C6: 20 } }, { name: "Khác" }],
  };

  test("names added from a Range resolve, and follow a sheet rename", async () => {
    const { host, Excel } = createExcelHost({ workbook: book });
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet 1");
      context.workbook.names.add("DoanPhi", ws.getRange("C5:C11"), "Đoàn phí theo đơn vị");
      const item = context.workbook.names.getItem("doanphi");
      const range = item.getRange();
      item.load("name, type, formula, value, visible, comment");
      range.load("address, values");
      const viaGetRange = ws.getRange("DoanPhi");
      viaGetRange.load("address");
      await context.sync();
      expect(item.formula).toBe("='Sheet 1'!$C$5:$C$11");
      expect(item.type).toBe("Range");
      expect(item.value).toBe("'Sheet 1'!$C$5:$C$11");
      expect(item.comment).toBe("Đoàn phí theo đơn vị");
      expect(range.address).toBe("'Sheet 1'!C5:C11");
      expect(range.values.slice(0, 2)).toEqual([[10], [20]]);
      expect(viaGetRange.address).toBe("'Sheet 1'!C5:C11");
      ws.name = "Tổng hợp";
      item.load("formula");
      await context.sync();
      expect(item.formula).toBe("='Tổng hợp'!$C$5:$C$11");
    });
    expect(host.names()).toEqual([
      {
        name: "DoanPhi",
        type: "Range",
        formula: "='Tổng hợp'!$C$5:$C$11",
        value: "'Tổng hợp'!$C$5:$C$11",
        visible: true,
        comment: "Đoàn phí theo đơn vị",
        scope: "Workbook",
      },
    ]);
  });

  test("duplicate names fail with ItemAlreadyExists; invalid names with InvalidArgument", async () => {
    const { Excel } = createExcelHost({ workbook: book });
    await Excel.run(async (context) => {
      context.workbook.names.add("TyLe", "=0.02");
      await context.sync();
    });
    await expect(
      Excel.run(async (context) => {
        context.workbook.names.add("TYLE", "=0.03");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    const addName = (name: string) =>
      Excel.run(async (context) => {
        context.workbook.names.add(name, "=1");
        await context.sync();
      });
    for (const bad of ["A1", "R1C1", "Tỷ lệ", "1abc"]) {
      await expect(addName(bad)).rejects.toMatchObject({ code: "InvalidArgument" });
    }
  });

  test("sheet-scoped names live in Worksheet.names; missing names give null objects", async () => {
    const { Excel } = createExcelHost({ workbook: book });
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Khác");
      ws.names.add("VungIn", ws.getRange("A1:D20"));
      const local = ws.names.getItemOrNullObject("VungIn");
      const global = context.workbook.names.getItemOrNullObject("VungIn");
      const count = ws.names.getCount();
      local.load("scope, formula");
      global.load("name");
      await context.sync();
      expect(local.scope).toBe("Worksheet");
      expect(local.formula).toBe("=Khác!$A$1:$D$20");
      expect(global.isNullObject).toBe(true);
      expect(count.value).toBe(1);
    });
  });
});

describe("protection", () => {
  const protectedBook: WorkbookSnapshot = {
    sheets: [
      {
        name: "Báo cáo",
        protection: { protected: true, password: "cd2024", options: { allowFormatColumns: true } },
        cells: { A1: "Tiêu đề", B2: { value: "", locked: false } },
      },
    ],
  };

  test("writing to a locked cell of a protected sheet fails with AccessDenied", async () => {
    const { host, Excel } = createExcelHost({ workbook: protectedBook });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Báo cáo").getRange("B2").values = [[5]];
      await context.sync();
    });
    expect(host.sheet("Báo cáo").cell("B2").value).toBe(5);
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Báo cáo").getRange("A1:B2").values = [
          ["x", "y"],
          ["z", 6],
        ];
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(host.sheet("Báo cáo").values("A1:B2")).toEqual([
      ["Tiêu đề", ""],
      ["", 5],
    ]);
  });

  test("formatting needs allowFormatCells; column widths follow allowFormatColumns", async () => {
    const { host, Excel } = createExcelHost({ workbook: protectedBook });
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Báo cáo").getRange("B2").format.font.bold = true;
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "AccessDenied" });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Báo cáo").getRange("C:C").format.columnWidth = 120;
      await context.sync();
    });
    expect(host.sheet("Báo cáo").columnWidth("C")).toBe(120);
  });

  test("the unlock-protect-fill flow works; unprotect needs the right password", async () => {
    const { host, Excel } = createExcelHost();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B5:C9").format.protection.locked = false;
      ws.protection.protect({ allowFormatCells: false }, "mk");
      ws.getRange("B5").values = [["ok"]];
      ws.protection.load("protected");
      await context.sync();
      expect(ws.protection.protected).toBe(true);
    });
    expect(host.sheet("Sheet1").cell("B5")).toMatchObject({ value: "ok", locked: false });
    expect(host.sheet("Sheet1").cell("A1").locked).toBe(true);
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").protection.unprotect("sai");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").protection.unprotect("mk");
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["mở"]];
      await context.sync();
    });
    expect(host.sheet("Sheet1").cell("A1").value).toBe("mở");
  });

  test("whole-column format edits stay sparse and apply to new cells", async () => {
    const { host, Excel } = createExcelHost();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange().format.protection.locked = false;
      ws.getRange("D:D").numberFormat = "@" as unknown as string[][];
      ws.getRange("D1000000").values = [["0012"]];
      await context.sync();
      const col = ws.getRange("D:D");
      col.format.protection.load("locked");
      await context.sync();
      expect(col.format.protection.locked).toBe(false);
      // Reading a million cells' formats is what real Excel refuses as well (about 10 MB).
      col.load("numberFormat");
      await expect(context.sync()).rejects.toMatchObject({
        code: "ResponsePayloadSizeLimitExceeded",
      });
    });
    expect(host.sheet("Sheet1").cell("D1000000")).toMatchObject({
      value: "0012",
      numberFormat: "@",
    });
    expect(host.sheet("Sheet1").cell("A1").locked).toBe(false);
  });
});

describe("formatting, merges, validation and conditional formats", () => {
  test("format properties report null when cells differ", async () => {
    const { Excel } = createExcelHost();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1").format.font.bold = true;
      ws.getRange("A1:B1").format.set({
        horizontalAlignment: "Center",
        wrapText: true,
        fill: { color: "#DDEBF7" },
      });
      const borders = ws.getRange("A1:B2").format.borders;
      borders.getItem("EdgeBottom").style = "Continuous";
      borders.getItem("InsideVertical").color = "#FF0000";
      const r = ws.getRange("A1:B1");
      r.load("format/font/bold, format/horizontalAlignment, format/fill/color");
      const bottom = borders.getItem("EdgeBottom");
      const inside = borders.getItem("InsideVertical");
      bottom.load("style, weight, color");
      inside.load("style, color");
      await context.sync();
      expect(r.format.font.bold).toBeNull();
      expect(r.format.horizontalAlignment).toBe("Center");
      expect(r.format.fill.color).toBe("#DDEBF7");
      expect([bottom.style, bottom.weight, bottom.color]).toEqual([
        "Continuous",
        "Thin",
        "#000000",
      ]);
      expect([inside.style, inside.color]).toEqual(["Continuous", "#FF0000"]);
    });
  });

  test("merge keeps the top-left value and widens over overlapping merged areas", async () => {
    const { host, Excel } = createExcelHost({ profile: "1.13" });
    host.setValues("Sheet1", "A1:C1", [["Tiêu đề", "mất", "mất"]]);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:B1").merge();
      ws.getRange("B1:C2").merge();
      const areas = ws.getRange("A1:D4").getMergedAreasOrNullObject();
      areas.load("address, areaCount");
      await context.sync();
      expect(areas.address).toBe("Sheet1!A1:C2");
      expect(areas.areaCount).toBe(1);
    });
    expect(host.sheet("Sheet1").values("A1:C1")).toEqual([["Tiêu đề", "", ""]]);
    expect(host.sheet("Sheet1").cell("C2").mergedArea).toBe("A1:C2");
  });

  test("list validation is evaluated against its source; clear() removes it", async () => {
    const { host, Excel } = createExcelHost({ profile: "1.8" });
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("E1:E3").values = [["Nam"], ["Nữ"], ["Khác"]];
      const r = ws.getRange("B2:B3");
      r.dataValidation.rule = { list: { inCellDropDown: true, source: "=$E$1:$E$3" } };
      r.dataValidation.prompt = {
        showPrompt: true,
        title: "Giới tính",
        message: "Chọn từ danh sách",
      };
      r.values = [["Nữ"], ["không rõ"]];
      const dv = r.dataValidation;
      dv.load("valid, type, prompt");
      await context.sync();
      expect(dv.type).toBe("List");
      expect(dv.valid).toBeNull();
      expect(dv.prompt).toEqual({
        showPrompt: true,
        title: "Giới tính",
        message: "Chọn từ danh sách",
      });
      ws.getRange("B3").dataValidation.clear();
      const mixed = ws.getRange("B2:B3").dataValidation;
      mixed.load("type");
      await context.sync();
      expect(mixed.type).toBe("MixedCriteria");
    });
    expect(host.sheet("Sheet1").cell("B3").validation).toBeNull();
  });

  test("invalid validation rules are rejected at sync", async () => {
    const { Excel } = createExcelHost();
    const apply = (rule: unknown) =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.rule =
          rule as Excel.DataValidationRule;
        await context.sync();
      });
    for (const rule of [
      { wholeNumber: { formula1: 1, operator: "Between" } },
      { decimal: { formula1: 1, operator: "Bigger" } },
      { list: { source: "" } },
      {
        wholeNumber: { formula1: 0, operator: "GreaterThan" },
        decimal: { formula1: 0, operator: "GreaterThan" },
      },
    ]) {
      await expect(apply(rule)).rejects.toMatchObject({ code: "InvalidArgument" });
    }
  });

  test("conditional formats can be added, listed and deleted per range", async () => {
    const { host, Excel } = createExcelHost();
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("C2:C20");
      const cf = r.conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = "=C2<0";
      cf.custom.format.fill.color = "#FFC7CE";
      cf.custom.format.font.color = "#9C0006";
      const cv = r.conditionalFormats.add(Excel.ConditionalFormatType.cellValue);
      cv.cellValue.rule = { formula1: "100", operator: "GreaterThan" };
      const list = context.workbook.worksheets.getItem("Sheet1").getRange("C5").conditionalFormats;
      list.load("items/type, items/priority");
      const count = r.conditionalFormats.getCount();
      await context.sync();
      expect(count.value).toBe(2);
      expect(list.items.map((i) => [i.type, i.priority])).toEqual([
        ["CellValue", 0],
        ["Custom", 1],
      ]);
      list.items[0].delete();
      await context.sync();
    });
    expect(host.sheet("Sheet1").conditionalFormats()).toEqual([
      {
        id: expect.any(String),
        type: "Custom",
        address: "C2:C20",
        priority: 0,
        stopIfTrue: false,
        rule: { formula: "=C2<0" },
        format: { fill: "#FFC7CE", font: { color: "#9C0006" } },
      },
    ]);
  });

  test("selection, activate and getActiveCell", async () => {
    const { host, Excel } = createExcelHost();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.add("Nhập liệu");
      ws.activate();
      ws.getRange("C3:D4").select();
      const sel = context.workbook.getSelectedRange();
      const cell = context.workbook.getActiveCell();
      sel.load("address");
      cell.load("address");
      await context.sync();
      expect(sel.address).toBe("'Nhập liệu'!C3:D4");
      expect(cell.address).toBe("'Nhập liệu'!C3");
    });
    expect(host.selection()).toEqual({
      sheet: "Nhập liệu",
      address: "C3:D4",
      qualified: "'Nhập liệu'!C3:D4",
    });
  });
});

describe("snapshots", () => {
  test("a workbook built through the API survives toSnapshot → JSON → fromSnapshot", async () => {
    const { host, Excel } = createExcelHost();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.add("Đơn vị");
      ws.getRange("A1:C2").values = [
        ["Tên", "Số", "Tổng"],
        ["CĐCS A", 12, "=B2*2"],
      ];
      ws.getRange("A1:C1").format.font.bold = true;
      ws.getRange("A1:C1").format.fill.color = "#1F4E78";
      ws.getRange("B2").numberFormat = [["#,##0"]];
      ws.getRange("A1:C1").merge(true);
      ws.getRange("B:B").format.columnWidth = 80;
      ws.getRange("B2:B50").dataValidation.rule = {
        decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" },
      };
      ws.getRange("B2:B50").conditionalFormats.add("Custom").custom.rule.formula = "=B2>100";
      ws.getRange("B2:B50").format.protection.locked = false;
      ws.freezePanes.freezeAt("A1");
      ws.pageLayout.orientation = "Landscape";
      ws.protection.protect({ allowFormatColumns: true });
      context.workbook.names.add("SoLieu", ws.getRange("B2:B50"));
      context.workbook.worksheets.getItem("Sheet1").visibility = "Hidden";
      await context.sync();
    });
    host.setCachedValue("Đơn vị", "C2", 24);
    const json = JSON.parse(JSON.stringify(host.toSnapshot())) as WorkbookSnapshot;
    const copy = ExcelHost.fromSnapshot(json);
    expect(copy.toSnapshot()).toEqual(host.toSnapshot());
    const cell = copy.sheet("Đơn vị").cell("C2");
    expect(cell).toMatchObject({ formula: "=B2*2", value: 24 });
    expect(copy.sheet("Đơn vị").cell("B2")).toMatchObject({
      locked: false,
      numberFormat: "#,##0",
      text: "12",
    });
    expect(copy.sheet("Đơn vị")).toMatchObject({ frozenRows: 1, frozenColumns: 1 });
    expect(copy.sheet("Đơn vị").merges()).toEqual(["A1:C1"]);
    expect(copy.names()[0].formula).toBe("='Đơn vị'!$B$2:$B$50");
    expect(copy.sheet("Sheet1").visibility).toBe("Hidden");
    expect(copy.activeSheetName()).toBe("Đơn vị");
  });

  test("hand-written snapshots accept shorthand cells and reject bad sheet names", () => {
    const host = ExcelHost.fromSnapshot({
      sheets: [{ name: "S", cells: { A1: "=1+1", B1: { value: 3, numberFormat: "0.0" } } }],
      names: [{ name: "Mot", formula: "=S!$B$1" }],
    });
    expect(host.sheet("S").cell("A1").formula).toBe("=1+1");
    expect(host.sheet("S").cell("B1").text).toBe("3.0");
    expect(host.names()[0].value).toBe("S!$B$1");
    expect(() => ExcelHost.fromSnapshot({ sheets: [{ name: "a/b" }] })).toThrow(
      /Invalid workbook snapshot/
    );
  });
});
