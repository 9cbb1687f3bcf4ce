// File names for downloaded workbooks: "bao-cao-quarterly-activity-2024-Q1.xlsx".

function slug(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^A-Za-z0-9-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
}

export function workbookFileName(templateId: string, period?: string | null): string {
  const parts = ["bao-cao", slug(templateId), period ? slug(period) : ""].filter(Boolean);
  return `${parts.join("-")}.xlsx`;
}

/** A name for an opened file that is offered for download again: the original name, ending in .xlsx. */
export function openedFileName(name: string): string {
  const base = name.replace(/\.[^.]*$/, "").trim() || "so-tinh";
  return `${base}.xlsx`;
}
