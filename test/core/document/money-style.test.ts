// The three ways a draft writes amounts, chosen in settings: in full, compact, or approximate as
// report writers round by hand. Tables keep the full amount whatever the choice.
import { findTemplate } from "../../../src/templates";
import { loadSample } from "../../../src/templates/samples";
import { buildReportDocument, DEFAULT_SETTINGS } from "../../../src/core/document";
import { parseDocumentSettings } from "../../../src/core/document/settings";
import { bodyText } from "../../support/docx-checks";

const t = findTemplate("quarterly-activity")!;
const data = loadSample(t.id);
const draft = (money: "full" | "compact" | "approximate") =>
  bodyText(buildReportDocument(t, data, { settings: { ...DEFAULT_SETTINGS, money } }));

describe("money style of the draft", () => {
  it("writes the sample's 1.591.896.000 đồng three ways", () => {
    expect(draft("full")).toContain("số tiền 1.591.896.000 đồng");
    expect(draft("compact")).toContain("số tiền 1,592 tỷ đồng");
    expect(draft("approximate")).toContain("số tiền trên 1,59 tỷ đồng");
    // An amount three digits say exactly keeps no "trên"/"gần"...
    expect(draft("approximate")).toContain("số tiền 130 triệu đồng");
    // ...unless the writer marked it: seed 002's "trên 610 triệu đồng", said once.
    expect(draft("approximate")).toContain("số tiền trên 610 triệu đồng");
  });

  it("accepts approximate in settings.json and refuses an unknown style", () => {
    expect(parseDocumentSettings({ money: "approximate" }).ok).toBe(true);
    expect(parseDocumentSettings({ money: "rounded" }).ok).toBe(false);
  });
});
