// The JSON Schema of data.json, generated from the zod schema that checks it, so the two agree.
import { z } from "zod";
import { reportDataSchema } from "./types";

export const REPORT_DATA_SCHEMA_ID = "https://baocao.local/schemas/report-data.schema.json";

export function reportDataJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(reportDataSchema, {
    io: "input",
    target: "draft-2020-12",
  }) as Record<string, unknown>;
  return {
    $id: REPORT_DATA_SCHEMA_ID,
    title: "BáoCáo report data (data.json)",
    description:
      "Dữ liệu báo cáo theo định dạng trao đổi của BáoCáo: thông tin chung, số liệu theo mã chỉ số, số liệu từng đơn vị, " +
      "các bảng, nội dung các mục. Số là số JSON; tỷ lệ lưu như Excel (0.875 cho 87,5%); tiền tính bằng đồng; ngày dạng YYYY-MM-DD. " +
      "Mã chỉ số của từng mẫu: danh sách indicators trong tệp mẫu của nó.",
    ...schema,
  };
}
