// The baocao command line. Every user-facing error is a CliError with a Vietnamese message and a
// documented exit code (errors.ts); nothing prints a stack trace unless BAOCAO_DEBUG=1.
import * as fs from "node:fs";
import * as path from "node:path";
import { Command, CommanderError } from "commander";
import { CliError, EXIT } from "./errors";
import type { Output } from "./io";
import { templatesCommand } from "./commands/templates";
import { newCommand } from "./commands/new";
import { nextCommand } from "./commands/next";
import { fillCommand } from "./commands/fill";
import { dumpCommand } from "./commands/dump";
import { demoCommand } from "./commands/demo";
import { validateCommand } from "./commands/validate";
import { consolidateCommand } from "./commands/consolidate";
import { exportCommand } from "./commands/export";
import { reviewCommand } from "./commands/review";
import { migrateCommand } from "./commands/migrate";
import { registerTemplateCommand } from "./commands/template";

export function packageVersion(): string {
  for (const dir of [path.join(__dirname, "..", ".."), path.join(__dirname, "..", "..", "..")]) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === "baocao" && pkg.version) return pkg.version;
    } catch {
      // try the next candidate
    }
  }
  return "0.0.0";
}

const COMMANDER_MESSAGES: Record<string, (m: string) => string> = {
  "commander.unknownOption": (m) =>
    `Tùy chọn không có: ${m.replace(/^error: unknown option /, "")}.`,
  "commander.unknownCommand": (m) => `Lệnh không có: ${m.replace(/^error: unknown command /, "")}.`,
  "commander.missingArgument": (m) =>
    `Thiếu tham số: ${m.replace(/^error: missing required argument /, "")}.`,
  "commander.missingMandatoryOptionValue": (m) =>
    `Thiếu tùy chọn bắt buộc: ${m.replace(/^error: required option /, "").replace(/ not specified$/, "")}.`,
  "commander.optionMissingArgument": (m) =>
    `Tùy chọn thiếu giá trị: ${m.replace(/^error: option /, "").replace(/ argument missing$/, "")}.`,
  "commander.excessArguments": () => "Thừa tham số.",
};

/** A repeatable option's values, in the order given. */
const collect = (value: string, previous: string[]) => [...previous, value];

function buildProgram(io: Output, setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name("baocao")
    .description(
      "BáoCáo — lập báo cáo định kỳ công đoàn từ sổ tính Excel: biểu mẫu, kiểm tra, tổng hợp, dự thảo Word.\n" +
        "(Trade-union periodic reports from Excel workbooks.)"
    )
    .version(packageVersion(), "-V, --version", "in phiên bản")
    .helpOption("-h, --help", "in hướng dẫn")
    .helpCommand("help [lệnh]", "hướng dẫn của một lệnh")
    .showHelpAfterError("(xem: baocao --help)")
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: () => undefined,
    })
    .exitOverride();

  const run = (p: Promise<number> | number) => Promise.resolve(p).then(setExit);

  program
    .command("templates")
    .description("liệt kê các mẫu báo cáo (--json: toàn bộ cấu trúc, các chỉ số và quan hệ)")
    .option("--json", "in dạng JSON")
    .option(
      "--template-file <mau.json>",
      "kiểm tra một tệp mẫu của đơn vị và liệt kê nó cùng các mẫu có sẵn"
    )
    .action((opts: { json?: boolean; templateFile?: string }) => run(templatesCommand(opts, io)));

  registerTemplateCommand(program, io, run);

  program
    .command("new")
    .description("tạo sổ tính mới từ một mẫu")
    .argument("[templateId]", "mã mẫu (xem: baocao templates); bỏ trống khi dùng --template-file")
    .requiredOption("-o, --output <file.xlsx>", "tệp sổ tính sẽ tạo")
    .option("--period <kỳ>", "kỳ báo cáo, vd. 2024-Q1, 2024-H1, 2024-M9, 2024, 2021-2024")
    .option("--unit <tên>", 'cơ quan ban hành, vd. "LĐLĐ tỉnh Lai Châu"')
    .option(
      "--units <units.txt>",
      "danh sách đơn vị cho các bảng theo đơn vị (mỗi dòng một đơn vị)"
    )
    .option("-f, --force", "ghi đè nếu tệp đã có")
    .option(
      "--template-file <mau.json>",
      "tệp mẫu của đơn vị (như baocao templates --json in ra một mẫu); thay mẫu có sẵn cùng mã"
    )
    .action((templateId: string | undefined, opts) => run(newCommand(templateId, opts, io)));

  program
    .command("next")
    .description(
      "tạo sổ tính kỳ sau (cùng mẫu, giữ đầu văn bản, đơn vị, chỉ tiêu; để trống số liệu)"
    )
    .argument("<file.xlsx>", "sổ tính của kỳ này")
    .requiredOption("-o, --output <next.xlsx>", "tệp sổ tính kỳ sau sẽ tạo")
    .option("--last-year <file.xlsx>", 'sổ tính cùng kỳ năm trước, để điền cột "cùng kỳ năm trước"')
    .option("-f, --force", "ghi đè nếu tệp đã có")
    .option(
      "--template-file <mau.json>",
      "tệp mẫu của đơn vị (như baocao templates --json in ra một mẫu); thay mẫu có sẵn cùng mã"
    )
    .action((file: string, opts) => run(nextCommand(file, opts, io)));

  program
    .command("fill")
    .description("điền dữ liệu từ data.json vào sổ tính, ghi ra tệp mới (không sửa tệp đầu vào)")
    .argument("<file.xlsx>", "sổ tính tạo từ mẫu")
    .requiredOption("--data <data.json>", "dữ liệu theo định dạng trao đổi JSON")
    .requiredOption("-o, --output <out.xlsx>", "tệp kết quả")
    .option("-f, --force", "ghi đè nếu tệp kết quả đã có")
    .option(
      "--template-file <mau.json>",
      "tệp mẫu của đơn vị (như baocao templates --json in ra một mẫu); thay mẫu có sẵn cùng mã"
    )
    .action((file: string, opts) => run(fillCommand(file, opts, io)));

  program
    .command("dump")
    .description(
      "đọc số liệu của sổ tính ra JSON (định dạng trao đổi), hoặc ra bảng phẳng CSV/XLSX cho PivotTable, Power Query"
    )
    .argument(
      "<file.xlsx|thư mục>",
      "sổ tính tạo từ mẫu, sổ tổng hợp, hoặc thư mục sổ tính của các đơn vị (tổng hợp như lệnh consolidate)"
    )
    .option(
      "--format <json|csv|xlsx>",
      "json (mặc định); csv hoặc xlsx: mỗi số liệu một dòng unit,parent,period,indicator,label,measure,value"
    )
    .option("-o, --output <tệp>", "ghi ra tệp thay vì màn hình (bắt buộc với xlsx)")
    .option("-f, --force", "ghi đè nếu tệp đã có")
    .option(
      "--template-file <mau.json>",
      "tệp mẫu của đơn vị (như baocao templates --json in ra một mẫu); thay mẫu có sẵn cùng mã"
    )
    .action((file: string, opts) => run(dumpCommand(file, opts, io)));

  program
    .command("validate")
    .description(
      "kiểm tra sổ tính trước khi gửi (mã thoát 0: không có lỗi, 1: có lỗi, 2: tệp không dùng được)"
    )
    .argument("<file.xlsx>", "sổ tính tạo từ mẫu")
    .option("--previous <prev.xlsx>", "sổ tính kỳ trước, để cảnh báo số liệu tăng giảm bất thường")
    .option(
      "--json",
      "in kết quả dạng JSON (lược đồ: src/core/validate/validation-report.schema.json)"
    )
    .option(
      "--template-file <mau.json>",
      "tệp mẫu của đơn vị (như baocao templates --json in ra một mẫu); thay mẫu có sẵn cùng mã"
    )
    .action((file: string, opts) => run(validateCommand(file, opts, io)));

  program
    .command("consolidate")
    .description(
      "tổng hợp sổ tính của các đơn vị thành một sổ (mã thoát 0: dùng hết, 1: có tệp bị loại, 2: không còn tệp dùng được)"
    )
    .argument("<tệp hoặc thư mục...>", "sổ tính .xlsx của các đơn vị, hoặc thư mục chứa chúng")
    .requiredOption("-o, --output <tong-hop.xlsx>", "tệp tổng hợp sẽ tạo")
    .option("--template <mã mẫu>", "mẫu cần tổng hợp (mặc định: mẫu mà nhiều tệp dùng nhất)")
    .option("--period <kỳ>", "kỳ cần tổng hợp, vd. 2024-Q1 (mặc định: kỳ mà nhiều tệp ghi nhất)")
    .option("--insist", "vẫn tổng hợp cả tệp có lỗi khi kiểm tra")
    .option(
      "--expected <units.txt|units.xlsx>",
      "danh sách đơn vị phải nộp (mỗi dòng một đơn vị, hoặc trang Đơn vị của một sổ tính)"
    )
    .option("--issuer <tên>", 'cơ quan ban hành bản tổng hợp, vd. "LĐLĐ tỉnh Lai Châu"')
    .option(
      "--prefer <tệp>",
      "dùng tệp này cho đơn vị của nó dù có tệp mới hơn (lặp lại được)",
      collect,
      []
    )
    .option("--approve <tệp>", "ghi tệp này là đã duyệt, kèm thời điểm (lặp lại được)", collect, [])
    .option(
      "--keep-approvals <tong-hop-cu.xlsx>",
      "giữ các tệp đã duyệt ở sổ tổng hợp trước (tệp nào đã đổi từ khi duyệt thì phải duyệt lại)"
    )
    .option(
      "--deadline <YYYY-MM-DD>",
      "hạn nộp báo cáo của các đơn vị: xét đúng hạn, muộn, chưa nộp"
    )
    .option("-f, --force", "ghi đè nếu tệp kết quả đã có")
    .option("--json", "in kết quả từng tệp dạng JSON")
    .option(
      "--template-file <mau.json>",
      "tệp mẫu của đơn vị (như baocao templates --json in ra một mẫu); thay mẫu có sẵn cùng mã"
    )
    .action((inputs: string[], opts) => run(consolidateCommand(inputs, opts, io)));

  program
    .command("review")
    .description(
      "xem xét sổ tính của các đơn vị: trạng thái từng tệp (đã nhận, cần sửa) và phiếu trả lại (.docx, .txt) cho tệp cần sửa (mã thoát 0: không tệp nào cần sửa, 1: có phiếu trả lại, 2: không đọc được tệp nào)"
    )
    .argument("<tệp hoặc thư mục...>", "sổ tính .xlsx của các đơn vị, hoặc thư mục chứa chúng")
    .requiredOption("-o, --output <thư mục>", "thư mục ghi các phiếu trả lại")
    .option("--template <mã mẫu>", "mẫu cần xem xét (mặc định: mẫu mà nhiều tệp dùng nhất)")
    .option("--period <kỳ>", "kỳ cần xem xét, vd. 2024-Q1 (mặc định: kỳ mà nhiều tệp ghi nhất)")
    .option("--issuer <tên>", 'cơ quan gửi phiếu trả lại, vd. "LĐLĐ tỉnh Lai Châu"')
    .option("--deadline <YYYY-MM-DD>", "hạn gửi lại bản đã sửa, ghi trong phiếu")
    .option("-f, --force", "ghi đè phiếu đã có trong thư mục")
    .option("--json", "in kết quả từng tệp dạng JSON")
    .action((inputs: string[], opts) => run(reviewCommand(inputs, opts, io)));

  program
    .command("migrate")
    .description(
      "chuyển sổ tính của một phiên bản mẫu cũ sang bố cục phiên bản mới, mang theo mọi số liệu (mã thoát 0: chuyển hết, 1: đã ghi nhưng có giá trị không chuyển được, 2: không ghi gì)"
    )
    .argument("<cu.xlsx>", "sổ tính tạo từ phiên bản mẫu cũ (không bị sửa)")
    .requiredOption(
      "--to <mau.json|phiên bản>",
      "tệp mẫu phiên bản mới, hoặc số phiên bản (vd. 1.1.0)"
    )
    .requiredOption("-o, --output <moi.xlsx>", "sổ tính mới sẽ tạo")
    .option(
      "--template-file <mau.json>",
      "tệp mẫu phiên bản cũ, để đọc sổ đúng bố cục cũ (không có thì đọc theo tên ô)"
    )
    .option("-f, --force", "ghi đè nếu tệp kết quả đã có")
    .option("--json", "in kết quả dạng JSON")
    .action((file: string, opts) => run(migrateCommand(file, opts, io)));

  program
    .command("export")
    .description("xuất dự thảo Word (.docx) theo thể thức văn bản công đoàn từ sổ tính đã điền")
    .argument("<file.xlsx>", "sổ tính tạo từ mẫu")
    .requiredOption("-o, --output <bao-cao.docx>", "tệp Word sẽ tạo")
    .option(
      "--money <kiểu>",
      "số tiền: auto (như văn bản thường viết, mặc định: 1.591.896.000 đồng, 89 triệu đồng, trên 610 triệu đồng), full (1.591.896.000 đồng), compact (109,033 tỷ đồng) hoặc approximate (trên 1,59 tỷ đồng)"
    )
    .option("--zero-pad", "thêm số 0 trước số đếm 1–9 (03 năm) — mặc định")
    .option("--no-zero-pad", "không thêm số 0 trước số đếm 1–9")
    .option(
      "--sources <cách>",
      "ghi nguồn từng số liệu: none, appendix (phụ lục) hoặc comments (chú thích Word)"
    )
    .option("--settings <settings.json>", "cài đặt thể thức (lề, cỡ chữ, giãn dòng...)")
    .option("-f, --force", "ghi đè nếu tệp đã có")
    .option(
      "--template-file <mau.json>",
      "tệp mẫu của đơn vị (như baocao templates --json in ra một mẫu); thay mẫu có sẵn cùng mã"
    )
    .action((file: string, opts) => run(exportCommand(file, opts, io)));

  program
    .command("demo")
    .description("chạy thử trên dữ liệu mẫu của mọi mẫu báo cáo")
    .option("--out <thư mục>", "thư mục kết quả", "out")
    .action((opts: { out: string }) => run(demoCommand(opts, io)));

  return program;
}

/** Runs the CLI; returns the exit code instead of exiting, so tests can call it in-process. */
export async function runCli(argv: string[], io: Output): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === "commander.helpDisplayed" ||
        e.code === "commander.version" ||
        e.code === "commander.help"
      ) {
        return EXIT.ok;
      }
      const translate = COMMANDER_MESSAGES[e.code];
      io.err(`${translate ? translate(e.message) : e.message}\n(xem: baocao --help)\n`);
      return EXIT.unusable;
    }
    if (e instanceof CliError) {
      io.err(`${e.message}\n`);
      return e.exitCode;
    }
    io.err(
      "Lỗi không mong đợi trong BáoCáo. Không có tệp nào bị ghi dở. " +
        "Hãy báo lỗi kèm lệnh đã chạy; đặt BAOCAO_DEBUG=1 để xem chi tiết.\n"
    );
    if (process.env.BAOCAO_DEBUG)
      io.err(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT.internal;
  }
}
