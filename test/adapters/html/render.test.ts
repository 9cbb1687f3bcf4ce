// The HTML draft (for "Sao chép bản nháp"): the same document as the .docx, as HTML Word pastes with
// its structure, and nothing a cell can type gets out of its text.
import { renderHtml, renderPlainText, escapeHtml } from "../../../src/adapters/html";
import {
  allRuns,
  buildReportDocument,
  DEFAULT_SETTINGS,
  runsText,
  type ReportDocument,
} from "../../../src/core/document";
import { builtInTemplates, findTemplate } from "../../../src/templates";
import { loadSample } from "../../../src/templates/samples";

const ALLOWED = new Set(
  "html head meta title body div p h1 h2 h3 h4 h5 h6 b i sup a span table colgroup col thead tbody tr th td br hr".split(
    " "
  )
);
const ATTRIBUTES = new Set([
  "style",
  "lang",
  "charset",
  "href",
  "id",
  "title",
  "colspan",
  "rowspan",
  "clear",
]);

/** Tag and attribute names of the markup (the renderer writes every attribute value in "..."). */
function markup(html: string): { tags: Set<string>; attributes: Set<string> } {
  const tags = new Set<string>();
  const attributes = new Set<string>();
  for (const m of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    tags.add(m[1].toLowerCase());
    const rest = m[2].replace(/"[^"]*"/g, '""');
    for (const a of rest.matchAll(/([a-zA-Z-]+)\s*=/g)) attributes.add(a[1].toLowerCase());
  }
  return { tags, attributes };
}

/** The text a browser shows: tags dropped, entities decoded. */
function visible(html: string): string {
  return html
    .replace(/<title>[\s\S]*?<\/title>/, "")
    .replace(/<br[^>]*>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
const flat = (s: string) => s.replace(/\s+/g, " ").trim();

function docOf(id: string, over = {}): ReportDocument {
  const t = findTemplate(id)!;
  return buildReportDocument(t, loadSample(id), { settings: { ...DEFAULT_SETTINGS, ...over } });
}

describe("structure", () => {
  it.each(builtInTemplates().map((t) => t.id))(
    "%s: header, title, headings by level, every figure, signature",
    (id) => {
      const doc = docOf(id);
      const html = renderHtml(doc);
      const text = flat(visible(html));
      for (const line of [
        doc.header.nation,
        doc.header.motto,
        doc.header.numberLine,
        doc.header.placeDate,
        doc.header.issuingBody,
        doc.docTypeTitle,
        doc.signature.name,
      ]) {
        expect(text).toContain(flat(line));
      }
      for (const b of doc.body) {
        if (b.kind !== "heading") continue;
        const tag = `h${Math.min(b.level, 6)}`;
        expect(html).toMatch(new RegExp(`<${tag} style="[^"]*font-weight:bold`));
        expect(text).toContain(flat(b.text));
      }
      for (const r of allRuns(doc)) if (r.kind === "figure") expect(text).toContain(r.text);
      expect(text).toContain("./.");
      const { tags, attributes } = markup(html);
      expect([...tags].filter((t) => !ALLOWED.has(t))).toEqual([]);
      expect([...attributes].filter((a) => !ATTRIBUTES.has(a))).toEqual([]);
    }
  );

  it("writes footnotes as numbered notes linked both ways, in document order", () => {
    const doc = docOf("cluster-emulation");
    expect(doc.footnotes.length).toBeGreaterThan(10);
    const html = renderHtml(doc);
    for (const f of doc.footnotes) {
      expect(html).toContain(
        `<sup><a href="#bc-note-${f.id}" id="bc-ref-${f.id}">${f.id}</a></sup>`
      );
      expect(html).toContain(` id="bc-note-${f.id}"`);
      expect(flat(visible(html))).toContain(flat(runsText(f.runs)).slice(0, 60));
    }
    const order = doc.footnotes.map((f) => html.indexOf(` id="bc-note-${f.id}"`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(html.indexOf("Chú thích")).toBeGreaterThan(html.indexOf(doc.signature.name));
  });

  it("draws tables with header rows, spans and the total row", () => {
    const doc = docOf("cluster-emulation");
    const html = renderHtml(doc);
    const table = doc.appendix!.tables[0];
    expect(html).toContain(escapeHtml(table.title));
    expect((html.match(/<thead>/g) ?? []).length).toBe(doc.appendix!.tables.length);
    expect(html).toContain("Tổng cộng");
    if (table.header.some((r) => r.some((c) => (c.colSpan ?? 1) > 1))) {
      expect(html).toMatch(/colspan="\d+"/);
    }
  });

  it("follows the settings: compact money, footnotes off, sources appendix and comments", () => {
    expect(visible(renderHtml(docOf("quarterly-activity", { money: "compact" })))).toContain(
      "1,592 tỷ đồng"
    );
    const off = renderHtml(docOf("cluster-emulation", { footnotes: false }));
    expect(off).not.toContain("bc-note-");
    const appendix = renderHtml(docOf("quarterly-activity", { sources: "appendix" }));
    expect(appendix).toContain("NGUỒN SỐ LIỆU");
    const comments = renderHtml(docOf("quarterly-activity", { sources: "comments" }));
    expect(comments).toMatch(/<span title="Số liệu: [^"]+">/);
  });

  it("gives the same draft as plain text for the clipboard", () => {
    const doc = docOf("cluster-emulation");
    const text = renderPlainText(doc);
    expect(text.split("\n")).toContain(doc.header.nation);
    expect(text).toContain(`[1] ${runsText(doc.footnotes[0].runs)}`);
    expect(text).not.toMatch(/<[a-z]/);
  });
});

describe("hostile text", () => {
  const nasty =
    "A&B <C> \"D\" 'E' ]]> <script>alert(1)</script><img src=x onerror=alert(1)> \u0000\u0001\u0008\u000b\u000c\u001f\ud800 👷‍♀️🇻🇳 ";

  function hostile(): ReportDocument {
    const t = findTemplate("cluster-emulation")!;
    const data = loadSample(t.id);
    data.header.issuingBody = `Cụm ${nasty}`;
    data.header.title = `Trích yếu ${nasty}`;
    data.header.recipients = [`Nơi ${nasty}`, "Lưu: VT."];
    data.header.signerName = `Tên ${nasty}`;
    data.texts.thuan_loi = `Đoạn ${nasty}\nDòng hai\r\n\u0007Dòng ba`;
    data.units[0].name = `LĐLĐ tỉnh ${nasty}`;
    return buildReportDocument(t, data, {
      settings: { ...DEFAULT_SETTINGS, sources: "comments", font: `Times" onload="x` },
    });
  }

  it("escapes every string: no markup, attribute or control character gets through", () => {
    const html = renderHtml(hostile());
    const { tags, attributes } = markup(html);
    expect([...tags].filter((t) => !ALLOWED.has(t))).toEqual([]);
    expect([...attributes].filter((a) => !ATTRIBUTES.has(a))).toEqual([]);
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<C>");
    // eslint-disable-next-line no-control-regex -- the point is that none is left
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800]/);
    expect(html).toContain("A&amp;B &lt;C&gt; &quot;D&quot; &#39;E&#39;");
    expect(html).toContain("👷‍♀️🇻🇳");
    const text = visible(html);
    expect(text).toContain('A&B <C> "D"');
    expect(text).toContain("Dòng hai");
  });

  it("keeps plain text free of control characters", () => {
    // eslint-disable-next-line no-control-regex -- the point is that none is left
    expect(renderPlainText(hostile())).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });

  it("escapes the five characters HTML gives meaning to", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
    );
  });
});
