// Vietnamese text of "Mẫu của đơn vị" in the gallery (LIBRARY.vi in templates.ts): the office-wide
// templates and the user's own, imported from a file. A template file's own mistakes are listed as
// the CLI lists them (core/model/template-issues.ts), in Vietnamese in both languages.
// templates-en.ts is typed against this.
const quote = (s: string) => `"${s}"`;
const num = (n: number) => n.toLocaleString("vi-VN");

export const templatesVi = {
  heading: "Mẫu của đơn vị",
  intro:
    "Mẫu do cơ quan hoặc đơn vị tự soạn: tệp mẫu .json (lệnh baocao template build hoặc baocao templates --json tạo ra) hoặc sổ soạn mẫu .xlsx. Mẫu bạn nhập được giữ trên máy này cho những lần sau.",
  none: "Chưa có mẫu của đơn vị. Bấm “Nhập mẫu từ tệp…” để thêm.",
  import: "Nhập mẫu từ tệp…",
  importLabel: "Nhập mẫu của đơn vị từ tệp mẫu .json hoặc sổ soạn mẫu .xlsx",
  importing: "Đang đọc tệp mẫu…",
  fromOffice: "Mẫu chung của cơ quan (người quản trị BáoCáo cài đặt cho mọi người dùng).",
  fromUser: (file: string) => `Bạn đã nhập từ tệp ${quote(file)}.`,
  shadows: (origin: "builtIn" | "office" | "user", id: string, version: string) =>
    `Dùng thay cho ${origin === "builtIn" ? "mẫu có sẵn" : origin === "office" ? "mẫu chung của cơ quan" : "mẫu đã nhập trước"} cùng mã ${quote(id)} (phiên bản ${version}).`,
  shadowsBuiltInHint: "Xoá mẫu này để dùng lại mẫu có sẵn.",
  remove: "Xoá mẫu",
  removeLabel: (title: string) => `Xoá mẫu ${quote(title)} khỏi danh sách`,
  removed: (title: string) => `Đã xoá mẫu ${quote(title)} khỏi danh sách.`,
  added: (title: string) => `Đã thêm mẫu ${quote(title)}`,
  addedBody: "Mẫu đã có trong danh sách bên dưới; bấm “Dùng mẫu này” để tạo sổ tính.",
  notKept:
    "Trình duyệt không cho lưu nên mẫu chỉ dùng được đến khi đóng ngăn này; lần sau cần nhập lại.",
  failed: (file: string) => `Không thêm được mẫu từ tệp ${quote(file)}`,
  issues: (n: number) => `Tệp mẫu có ${num(n)} lỗi, ở các chỗ sau:`,
  fixAndImport: "Chưa thêm mẫu nào. Sửa từng chỗ trên trong tệp rồi nhập lại.",
  moreIssues: (n: number) => `… và ${num(n)} lỗi khác.`,
  help: "Cách viết tệp mẫu: README, mục “Tệp mẫu của đơn vị”.",
  notJson: (detail: string) =>
    `Tệp không phải JSON hợp lệ (${detail}). Mở tệp bằng trình soạn văn bản, sửa chỗ sai rồi nhập lại, hoặc tạo lại tệp bằng baocao template build.`,
  list: (n: number) =>
    `Tệp có ${num(n)} mẫu (như baocao templates --json in ra); chép một mẫu (một phần tử của danh sách) ra tệp riêng rồi nhập tệp đó.`,
  fileKind: "Chỉ nhập được tệp mẫu .json hoặc sổ soạn mẫu .xlsx; chọn lại tệp.",
  empty: "Tệp trống; chọn tệp mẫu có nội dung.",
  unreadable: (detail: string) => `Không đọc được tệp (${detail}). Lưu lại tệp rồi nhập lại.`,
  index: (detail: string) =>
    `templates/index.json phải là danh sách tên tệp trong thư mục templates, ví dụ ["mau-a.json", "mau-b.json"]; gặp: ${detail}.`,
  missing: (status: number) =>
    status === 0
      ? "Không tải được tệp này (mạng hoặc máy chủ không trả lời)."
      : `Máy chủ không trả tệp này (mã ${status}); chép tệp vào thư mục templates hoặc sửa tên trong templates/index.json.`,
  officeProblem: (file: string) => `Mẫu chung của cơ quan: bỏ qua tệp ${quote(file)}`,
  officeProblemHint: "Hãy báo người quản trị BáoCáo của cơ quan. Các mẫu khác vẫn dùng được.",
  storedProblem: (file: string) => `Mẫu đã nhập từ tệp ${quote(file)} không còn đọc được`,
  storedProblemHint:
    "Phiên bản BáoCáo này đọc mẫu khác trước. Nhập lại tệp đã sửa, hoặc xoá mẫu này.",
  removeStored: "Xoá",
  removeStoredLabel: (file: string) => `Xoá mẫu đã nhập từ tệp ${quote(file)}`,
};
