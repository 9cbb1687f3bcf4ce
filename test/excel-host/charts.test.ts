/* eslint-disable office-addins/load-object-before-read, office-addins/call-sync-before-read --
   Some tests read before load/sync on purpose to prove the host throws. */
/**
 * Embedded charts: creation from a source range, series, title, position, names, protection,
 * requirement sets and snapshots.
 */
import { ExcelHost, WorkbookSnapshot, createExcelHost } from "./index";

const data: WorkbookSnapshot = {
  sheets: [
    {
      name: "Chỉ tiêu",
      cells: {
        B4: "Chỉ tiêu",
        G4: "Tỷ lệ đạt",
        B5: "Kết nạp đoàn viên",
        G5: 1.2,
        B6: "Thành lập CĐCS",
        G6: 0.8,
        B7: "Sáng kiến",
        G7: 1,
      },
      columnWidths: { B: 200 },
    },
    { name: "Khác" },
  ],
};

describe("ChartCollection.add", () => {
  test("a single numeric column gives one series with numbered categories", async () => {
    const { Excel, host } = createExcelHost({ workbook: data });
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Chỉ tiêu");
      const chart = ws.charts.add("BarClustered", ws.getRange("G5:G7"), "Auto");
      chart.load("name, chartType, id");
      chart.series.load("items/name");
      await context.sync();
      expect(chart.name).toBe("Chart 1");
      expect(chart.chartType).toBe("BarClustered");
      expect(chart.id).toMatch(/^\{.+\}$/);
      expect(chart.series.items.map((s) => s.name)).toEqual(["Series1"]);
    });
    const [view] = host.sheet("Chỉ tiêu").charts();
    expect(view).toMatchObject({
      type: "BarClustered",
      source: "'Chỉ tiêu'!$G$5:$G$7",
      series: [{ name: "Series1", values: "'Chỉ tiêu'!$G$5:$G$7", xValues: null }],
      title: { text: "Series1", visible: true },
    });
  });

  test("a header row names the series and a text column gives the categories", async () => {
    const { Excel, host } = createExcelHost({
      workbook: {
        sheets: [
          {
            name: "S",
            cells: { B1: "Năm 2023", C1: "Năm 2024", A2: "Quý I", A3: "Quý II", B2: 1, B3: 2 },
          },
        ],
      },
    });
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.charts.add(Excel.ChartType.columnClustered, ws.getRange("A1:C3"), "Columns");
      await context.sync();
    });
    expect(host.sheet("S").charts()[0].series).toEqual([
      { name: "Năm 2023", values: "S!$B$2:$B$3", xValues: "S!$A$2:$A$3" },
      { name: "Năm 2024", values: "S!$C$2:$C$3", xValues: "S!$A$2:$A$3" },
    ]);
    expect(host.sheet("S").charts()[0].title.visible).toBe(false);
  });

  test("setXAxisValues, series name, title and setPosition are kept", async () => {
    const { Excel, host } = createExcelHost({ workbook: data, profile: "1.7" });
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Chỉ tiêu");
      const chart = ws.charts.add("BarClustered", ws.getRange("G5:G7"));
      chart.name = "BaoCao_ChiTieu";
      chart.title.text = "Tỷ lệ thực hiện chỉ tiêu";
      const series = chart.series.getItemAt(0);
      series.name = "Tỷ lệ đạt";
      series.setXAxisValues(ws.getRange("B5:B7"));
      chart.setPosition("K4", "Q20");
      await context.sync();
    });
    const [view] = host.sheet("Chỉ tiêu").charts();
    expect(view).toMatchObject({
      name: "BaoCao_ChiTieu",
      title: { text: "Tỷ lệ thực hiện chỉ tiêu", visible: true },
      series: [
        {
          name: "Tỷ lệ đạt",
          values: "'Chỉ tiêu'!$G$5:$G$7",
          xValues: "'Chỉ tiêu'!$B$5:$B$7",
        },
      ],
      topLeftCell: "K4",
      bottomRightCell: "Q20",
    });
    // Column B is 200 points wide; the others keep the standard 48.
    expect(view.left).toBe(200 + 9 * 48);
    expect(view.top).toBe(3 * 15);
    expect(view.width).toBe(7 * 48);
    expect(view.height).toBe(17 * 15);
  });

  test("a series must be one row or one column", async () => {
    const { Excel } = createExcelHost({ workbook: data });
    await expect(
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Chỉ tiêu");
        const chart = ws.charts.add("BarClustered", ws.getRange("G5:G7"));
        chart.series.getItemAt(0).setValues(ws.getRange("B5:G7"));
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("chart type Invalid and unknown types are refused", async () => {
    const { Excel } = createExcelHost({ workbook: data });
    await expect(
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Chỉ tiêu");
        ws.charts.add("Invalid", ws.getRange("G5:G7"));
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("finding and deleting charts", () => {
  test("names are not unique: getItem returns the first, new charts count on", async () => {
    const { Excel, host } = createExcelHost({ workbook: data });
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Chỉ tiêu");
      const a = ws.charts.add("BarClustered", ws.getRange("G5:G7"));
      const b = ws.charts.add("ColumnClustered", ws.getRange("G5:G7"));
      a.name = "Trùng";
      b.name = "Trùng";
      await context.sync();
      const hit = ws.charts.getItem("trùng");
      hit.load("chartType");
      const count = ws.charts.getCount();
      await context.sync();
      expect(hit.chartType).toBe("BarClustered");
      expect(count.value).toBe(2);
      a.delete();
      const c = ws.charts.add("Line", ws.getRange("G5:G7"));
      c.load("name");
      await context.sync();
      // Excel never reuses a number on a sheet, even after a delete.
      expect(c.name).toBe("Chart 3");
    });
    expect(
      host
        .sheet("Chỉ tiêu")
        .charts()
        .map((c) => c.name)
    ).toEqual(["Trùng", "Chart 3"]);
  });

  test("getItem of a missing chart fails at sync; getItemOrNullObject gives a null object", async () => {
    const { Excel } = createExcelHost({ workbook: data });
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Chỉ tiêu");
      const missing = ws.charts.getItemOrNullObject("BaoCao_ChiTieu");
      missing.load("name");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
    });
    await expect(
      Excel.run(async (context) => {
        const chart = context.workbook.worksheets.getItem("Chỉ tiêu").charts.getItem("Không có");
        chart.load("name");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("a deleted chart's proxy fails with ItemNotFound", async () => {
    const { Excel } = createExcelHost({ workbook: data });
    await expect(
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Chỉ tiêu");
        const chart = ws.charts.add("BarClustered", ws.getRange("G5:G7"));
        await context.sync();
        chart.delete();
        await context.sync();
        chart.load("name");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("reading a chart property before load and sync throws", async () => {
    const { Excel } = createExcelHost({ workbook: data });
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Chỉ tiêu");
      const chart = ws.charts.add("BarClustered", ws.getRange("G5:G7"));
      expect(() => chart.chartType).toThrow(/The property 'chartType' is not available/);
      chart.load("chartType");
      expect(() => chart.chartType).toThrow(/not available/);
      expect(() => ws.charts.items).toThrow(/not available/);
      await context.sync();
      expect(chart.chartType).toBe("BarClustered");
    });
  });
});

describe("protection", () => {
  const protectedData = (allowEditObjects: boolean): WorkbookSnapshot => ({
    sheets: [{ ...data.sheets[0], protection: { protected: true, options: { allowEditObjects } } }],
  });

  test("adding a chart on a protected sheet is AccessDenied, and nothing is added", async () => {
    const { Excel, host } = createExcelHost({ workbook: protectedData(false) });
    await expect(
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Chỉ tiêu");
        ws.charts.add("BarClustered", ws.getRange("G5:G7"));
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(host.sheet("Chỉ tiêu").charts()).toEqual([]);
  });

  test("allowEditObjects lets the chart be added, moved and deleted", async () => {
    const { Excel, host } = createExcelHost({ workbook: protectedData(true) });
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Chỉ tiêu");
      const chart = ws.charts.add("BarClustered", ws.getRange("G5:G7"));
      chart.setPosition("K4");
      await context.sync();
      expect(host.sheet("Chỉ tiêu").charts()[0].topLeftCell).toBe("K4");
      chart.delete();
      await context.sync();
    });
    expect(host.sheet("Chỉ tiêu").charts()).toEqual([]);
  });

  test.each(["delete", "rename"])("%s on a protected sheet is AccessDenied", async (act) => {
    const { Excel, host } = createExcelHost({
      workbook: {
        sheets: [
          {
            ...data.sheets[0],
            protection: { protected: true },
            charts: [{ name: "BaoCao_ChiTieu", type: "BarClustered" }],
          },
        ],
      },
    });
    await expect(
      Excel.run(async (context) => {
        const chart = context.workbook.worksheets
          .getItem("Chỉ tiêu")
          .charts.getItem("BaoCao_ChiTieu");
        if (act === "delete") chart.delete();
        else chart.name = "Khác";
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(
      host
        .sheet("Chỉ tiêu")
        .charts()
        .map((c) => c.name)
    ).toEqual(["BaoCao_ChiTieu"]);
  });
});

describe("requirement sets", () => {
  test("setValues and chartType need 1.7; getCount needs 1.4 (fine on 1.7)", async () => {
    const { Excel } = createExcelHost({ workbook: data, profile: "1.7" });
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Chỉ tiêu");
      ws.charts
        .add("BarClustered", ws.getRange("G5:G7"))
        .series.getItemAt(0)
        .setValues(ws.getRange("G5:G6"));
      const n = ws.charts.getCount();
      await context.sync();
      expect(n.value).toBe(1);
    });
  });

  test("Chart.activate (1.9) is missing on a 1.8 host", async () => {
    const { Excel } = createExcelHost({ workbook: data, profile: "1.8" });
    await expect(
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Chỉ tiêu");
        ws.charts.add("BarClustered", ws.getRange("G5:G7")).activate();
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

describe("snapshots", () => {
  test("charts round-trip and follow a renamed sheet", async () => {
    const { Excel, host } = createExcelHost({ workbook: data });
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Chỉ tiêu");
      const chart = ws.charts.add("BarClustered", ws.getRange("G5:G7"));
      chart.series.getItemAt(0).setXAxisValues(ws.getRange("B5:B7"));
      chart.setPosition("K4", "Q20");
      ws.name = "Chỉ tiêu 2024";
      await context.sync();
    });
    const snap = host.toSnapshot();
    const chart = snap.sheets[0].charts?.[0];
    expect(chart?.series?.[0]).toEqual({
      name: "Series1",
      values: "'Chỉ tiêu 2024'!$G$5:$G$7",
      xValues: "'Chỉ tiêu 2024'!$B$5:$B$7",
    });
    const again = ExcelHost.fromSnapshot(snap);
    expect(again.toSnapshot()).toEqual(snap);
    expect(again.sheet("Chỉ tiêu 2024").charts()[0].bottomRightCell).toBe("Q20");
  });

  test("a snapshot chart pointing at a missing sheet is rejected", () => {
    expect(() =>
      ExcelHost.fromSnapshot({
        sheets: [
          {
            name: "A",
            charts: [{ name: "c", type: "Line", series: [{ name: "s", values: "Nowhere!A1:A3" }] }],
          },
        ],
      })
    ).toThrow(/chart reference "Nowhere!A1:A3"/);
  });
});

describe("legend, data labels and the category axis", () => {
  it("start as Excel makes them and change at sync; reversePlotOrder needs ExcelApi 1.7", async () => {
    const { host, Excel } = createExcelHost({ profile: "1.7" });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Biểu đồ");
      sheet.getRange("A1:B3").values = [
        ["a", 1],
        ["b", 2],
        ["c", 3],
      ];
      const chart = sheet.charts.add("BarClustered", sheet.getRange("B1:B3"), "Columns");
      chart.legend.load("visible");
      await context.sync();
      expect(chart.legend.visible).toBe(false);
      chart.axes.categoryAxis.reversePlotOrder = true;
      chart.dataLabels.showValue = true;
      chart.legend.visible = true;
      expect(host.sheet("Biểu đồ").charts()[0].categoryAxis.reversePlotOrder).toBe(false);
      await context.sync();
    });
    expect(host.sheet("Biểu đồ").charts()[0]).toMatchObject({
      categoryAxis: { reversePlotOrder: true },
      dataLabels: { showValue: true },
      legend: { visible: true },
    });
    // Kept through a snapshot.
    const again = createExcelHost({ workbook: host.toSnapshot() }).host;
    expect(again.sheet("Biểu đồ").charts()[0].categoryAxis.reversePlotOrder).toBe(true);
  });
});
