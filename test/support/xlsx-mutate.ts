// Breaking a written workbook or draft on purpose, to show a judge notices: one part's XML is
// edited in a copy and the package written back.
import * as fs from "node:fs";
import JSZip from "jszip";

/** Copies `from` to `to` with `edit` applied to part `name`; fails if the edit changed nothing. */
export async function mutatePart(
  from: string,
  to: string,
  name: string | RegExp,
  edit: (xml: string) => string
): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(from));
  const parts = Object.keys(zip.files).filter((f) =>
    typeof name === "string" ? f === name : name.test(f)
  );
  for (const p of parts) {
    const xml = await zip.file(p)!.async("string");
    const edited = edit(xml);
    if (edited !== xml) {
      zip.file(p, edited);
      fs.writeFileSync(to, await zip.generateAsync({ type: "nodebuffer" }));
      return p;
    }
  }
  throw new Error(`${from}: the edit changed no part matching ${String(name)}`);
}
