/*
 * Build probe, bundled only with `webpack --env probe` (dist/probe.html): checks that exceljs and docx,
 * written for Node, bundle for the browser as lazy chunks and work there. Opening probe.html writes an
 * .xlsx and a .docx in memory, reads the .xlsx back, and reports the result in
 * document.body.dataset.probe ("ok …" or "error …").
 */

export async function runProbe(): Promise<string> {
  const [excel, docx] = await Promise.all([
    import(/* webpackChunkName: "exceljs" */ "exceljs"),
    import(/* webpackChunkName: "docx" */ "docx"),
  ]);
  const ExcelJS = (excel as unknown as { default?: typeof excel }).default ?? excel;

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Quý I");
  ws.addRow(["Chỉ tiêu", "Kết quả"]);
  ws.addRow(["Đoàn viên kết nạp mới", 260]);
  const xlsx = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(xlsx);
  const cell = back.getWorksheet("Quý I")?.getCell("B2").value;

  const doc = new docx.Document({
    sections: [{ children: [new docx.Paragraph({ children: [new docx.TextRun("BÁO CÁO")] })] }],
  });
  const blob = await docx.Packer.toBlob(doc);

  return `ok xlsx=${xlsx.byteLength}B B2=${String(cell)} docx=${blob.size}B`;
}

if (typeof document !== "undefined") {
  runProbe().then(
    (r) => {
      document.body.dataset.probe = r;
      document.body.textContent = r;
    },
    (e: unknown) => {
      document.body.dataset.probe = `error ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
      document.body.textContent = document.body.dataset.probe;
    }
  );
}
