// The draft's file name: "bao-cao-cluster-emulation-2023-H1.docx", as the workbook's download is
// named (logic/file-name.ts: Vietnamese letters transliterated, đ → d, other characters → "-"), so
// the name works on every system and mail server.
import { workbookFileName } from "../../logic/file-name";

export function draftFileName(templateId: string, period: string | null): string {
  return workbookFileName(templateId, period).replace(/\.xlsx$/, ".docx");
}
