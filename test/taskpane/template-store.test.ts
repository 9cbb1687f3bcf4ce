// The pane's template list (src/taskpane/templates): built-in, office-wide and the user's own
// templates in one list; import, shadowing, removal, what is kept for next time, and the located
// messages a bad file gets.
import { readFileSync } from "node:fs";
import path from "node:path";
import { builtInTemplates } from "../../src/templates";
import { templateToFile } from "../../src/core/model/template-file";
import * as parser from "../../src/taskpane/templates/parse-upload";
import { parseTemplateUpload } from "../../src/taskpane/templates/parse-upload";
import { STORAGE_KEY, TemplateStore } from "../../src/taskpane/templates/store";
import { LIBRARY } from "../../src/taskpane/i18n/templates";

const FIXTURE = path.join(__dirname, "../fixtures/templates/mai-am-cong-doan.json");
const fixtureText = readFileSync(FIXTURE, "utf8");
const bytes = (text: string): ArrayBuffer => new TextEncoder().encode(text).buffer as ArrayBuffer;

class MemoryStorage {
  items = new Map<string, string>();
  full = false;
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.full) throw new Error("QuotaExceededError");
    this.items.set(k, v);
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
}

function store(storage: MemoryStorage | null = new MemoryStorage()) {
  return new TemplateStore({ builtIns: builtInTemplates, storage, parser: async () => parser });
}

describe("the pane's template list", () => {
  test("starts with the built-in templates, in their order, with no file to send", () => {
    const s = store();
    expect(s.list.templates.map((t) => t.id)).toEqual(builtInTemplates().map((t) => t.id));
    expect(s.list.files()).toEqual([]);
    expect(s.getSnapshot().problems).toEqual([]);
  });

  test("imports a template file: listed after the built-ins, findable, its file kept to send", async () => {
    const s = store();
    const seen: number[] = [];
    s.subscribe(() => seen.push(s.list.templates.length));
    const r = await s.importFile("mai-am-cong-doan.json", bytes(fixtureText));
    expect(r).toMatchObject({ ok: true, replaced: null, persisted: true });
    expect(s.list.templates.map((t) => t.id).at(-1)).toBe("mai-am-cong-doan");
    expect(s.list.find("mai-am-cong-doan")?.title).toContain("Mái ấm Công đoàn");
    expect(s.list.entry("mai-am-cong-doan")?.origin).toBe("user");
    expect(s.list.fileOf("mai-am-cong-doan")?.id).toBe("mai-am-cong-doan");
    expect(s.list.fileOf("quarterly-activity")).toBeNull();
    expect(seen).toEqual([builtInTemplates().length + 1]);
  });

  test("a user template of a built-in's id shadows it, and says which version it replaces", async () => {
    const s = store();
    const builtIn = builtInTemplates()[0];
    const file = { ...templateToFile(builtIn), version: "9.0.0", title: "Bản của đơn vị" };
    const r = await s.importFile("rieng.json", bytes(JSON.stringify(file)));
    expect(r).toMatchObject({
      ok: true,
      replaced: { origin: "builtIn", version: builtIn.version },
    });
    expect(s.list.templates.filter((t) => t.id === builtIn.id)).toHaveLength(1);
    expect(s.list.find(builtIn.id)?.title).toBe("Bản của đơn vị");
    expect(s.list.entry(builtIn.id)?.shadows).toEqual({
      origin: "builtIn",
      version: builtIn.version,
    });
    // Removing it brings the built-in back.
    s.remove({ id: builtIn.id });
    expect(s.list.find(builtIn.id)).toBe(builtIn);
  });

  test("keeps the user's templates for next time, and forgets removed ones", async () => {
    const storage = new MemoryStorage();
    await store(storage).importFile("mai-am-cong-doan.json", bytes(fixtureText));
    expect(storage.getItem(STORAGE_KEY)).toContain("mai-am-cong-doan");

    const next = store(storage);
    expect(next.list.find("mai-am-cong-doan")).toBeUndefined();
    await next.restore();
    expect(next.list.find("mai-am-cong-doan")?.version).toBe("1.0.0");
    expect(next.list.entry("mai-am-cong-doan")?.name).toBe("mai-am-cong-doan.json");

    next.remove({ id: "mai-am-cong-doan" });
    expect(next.list.find("mai-am-cong-doan")).toBeUndefined();
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    const third = store(storage);
    await third.restore();
    expect(third.list.find("mai-am-cong-doan")).toBeUndefined();
  });

  test("storage that refuses: the template is used this session and the outcome says so", async () => {
    const storage = new MemoryStorage();
    storage.full = true;
    const s = store(storage);
    const r = await s.importFile("mai-am-cong-doan.json", bytes(fixtureText));
    expect(r).toMatchObject({ ok: true, persisted: false });
    expect(s.list.find("mai-am-cong-doan")).toBeDefined();
  });

  test("a stored file that no longer loads is listed with why, kept until removed", async () => {
    const storage = new MemoryStorage();
    const broken = { ...JSON.parse(fixtureText), sections: [] };
    storage.setItem(STORAGE_KEY, JSON.stringify([{ name: "cu.json", file: broken }]));
    const s = store(storage);
    await s.restore();
    expect(s.getSnapshot().problems).toEqual([
      expect.objectContaining({ origin: "user", name: "cu.json" }),
    ]);
    // Importing another template keeps the broken one stored (the user decides).
    await s.importFile("mai-am-cong-doan.json", bytes(fixtureText));
    expect(storage.getItem(STORAGE_KEY)).toContain("cu.json");
    s.remove({ name: "cu.json" });
    expect(s.getSnapshot().problems).toEqual([]);
    expect(storage.getItem(STORAGE_KEY)).not.toContain("cu.json");
  });

  test("a bad file: nothing added, every mistake at its place in the file, as the CLI lists them", async () => {
    const s = store();
    const raw = JSON.parse(fixtureText);
    raw.indicators[1].section = "khong_co";
    raw.indicators[2].id = raw.indicators[0].id;
    const r = await s.importFile("sai.json", bytes(JSON.stringify(raw)));
    expect(r.ok).toBe(false);
    if (r.ok || r.problem.kind !== "issues") throw new Error("expected located issues");
    const paths = r.problem.issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^indicators\[1\]\(.+\)\.section$/),
        expect.stringMatching(/^indicators\[2\]\(.+\)\.id$/),
      ])
    );
    expect(r.problem.issues.find((i) => i.path.endsWith(".section"))?.message).toContain(
      'không có mục "khong_co"'
    );
    expect(s.list.find("mai-am-cong-doan")).toBeUndefined();
  });

  test("files that are not a template file get their own problem", async () => {
    const kinds = async (name: string, text: string) => {
      const r = await parseTemplateUpload(name, bytes(text));
      return r.ok ? "ok" : r.problem.kind;
    };
    expect(await kinds("a.json", "{ not json")).toBe("notJson");
    expect(await kinds("a.json", "  ")).toBe("empty");
    expect(await kinds("a.json", "[1, 2]")).toBe("list");
    expect(await kinds("a.docx", fixtureText)).toBe("fileKind");
    // A list of one (as `baocao templates --json` prints) and a byte-order mark are fine.
    expect(await kinds("a.JSON", `\uFEFF[${fixtureText}]`)).toBe("ok");
  });
});

/** A fake server: path → body (string), or a status. */
function server(files: Record<string, string | number>) {
  const asked: string[] = [];
  const fetchFn = async (url: string) => {
    const p = new URL(url).pathname;
    asked.push(p);
    const body = files[p];
    if (body === undefined || typeof body === "number")
      return new Response("Not found", { status: typeof body === "number" ? body : 404 });
    return new Response(body, { status: 200 });
  };
  return { fetchFn, asked };
}

const BASE = "https://addin.example.vn/baocao/taskpane.html";

describe("the office catalogue (templates/index.json next to the pane)", () => {
  test("no index is normal: nothing changes, nothing said", async () => {
    const s = store();
    const before = s.getSnapshot();
    const { fetchFn, asked } = server({});
    await s.loadOffice(BASE, fetchFn);
    expect(asked).toEqual(["/baocao/templates/index.json"]);
    expect(s.getSnapshot()).toBe(before);
  });

  test("a network that does not answer: given up after the timeout, silently", async () => {
    const s = store();
    const hang = (_u: string, init?: { signal?: AbortSignal }) =>
      new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener("abort", () => reject(new Error("aborted")))
      );
    await s.loadOffice(BASE, hang, 20);
    expect(s.getSnapshot().problems).toEqual([]);
  });

  test("lists the files of the index; a bad one is said with its place and skipped, others load", async () => {
    const bad = JSON.parse(fixtureText);
    bad.id = "mau-hong";
    bad.indicators[0].partOf = "khong_co";
    const { fetchFn } = server({
      "/baocao/templates/index.json": JSON.stringify([
        "mai-am-cong-doan.json",
        "mau-hong.json",
        "vang-mat.json",
        "../ra-ngoai.json",
      ]),
      "/baocao/templates/mai-am-cong-doan.json": fixtureText,
      "/baocao/templates/mau-hong.json": JSON.stringify(bad),
    });
    const s = store();
    await s.loadOffice(BASE, fetchFn);
    expect(s.list.entry("mai-am-cong-doan")?.origin).toBe("office");
    expect(s.list.find("mau-hong")).toBeUndefined();
    const problems = s.getSnapshot().problems;
    expect(problems.map((p) => [p.name, p.problem.kind])).toEqual([
      ["templates/index.json", "index"],
      ["mau-hong.json", "issues"],
      ["vang-mat.json", "missing"],
    ]);
    const issues = problems[1].problem.kind === "issues" ? problems[1].problem.issues : [];
    expect(issues[0].path).toMatch(/^indicators\[0\]\(.+\)\.partOf$/);
  });

  test("an index that is not a list of names is said once", async () => {
    const { fetchFn } = server({ "/baocao/templates/index.json": '{"templates": 1}' });
    const s = store();
    await s.loadOffice(BASE, fetchFn);
    expect(s.getSnapshot().problems).toEqual([
      expect.objectContaining({
        name: "templates/index.json",
        problem: expect.objectContaining({ kind: "index" }),
      }),
    ]);
  });

  test("the user's own template of an office template's id shadows it", async () => {
    const { fetchFn } = server({
      "/baocao/templates/index.json": '["m.json"]',
      "/baocao/templates/m.json": fixtureText,
    });
    const s = store();
    await s.loadOffice(BASE, fetchFn);
    const mine = { ...JSON.parse(fixtureText), version: "1.1.0" };
    const r = await s.importFile("cua-toi.json", bytes(JSON.stringify(mine)));
    expect(r).toMatchObject({ ok: true, replaced: { origin: "office", version: "1.0.0" } });
    expect(s.list.find("mai-am-cong-doan")?.version).toBe("1.1.0");
    expect(s.list.files().map((f) => f.version)).toEqual(["1.1.0"]);
  });
});

describe("the texts of Mẫu của đơn vị", () => {
  test("both languages have the same messages, none empty, Vietnamese in NFC", () => {
    const { vi, en } = LIBRARY;
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const [lang, texts] of Object.entries(LIBRARY)) {
      for (const [key, v] of Object.entries(texts)) {
        const other = (lang === "vi" ? en : vi)[key as keyof typeof vi];
        expect({ key, kind: typeof v }).toEqual({ key, kind: typeof other });
        const f = v as unknown as (...a: unknown[]) => string;
        const text = typeof v === "string" ? v : f(...Array(f.length).fill(7));
        expect({ lang, key, empty: text.trim() === "" }).toEqual({ lang, key, empty: false });
        expect({ lang, key, nfc: text === text.normalize("NFC") }).toEqual({
          lang,
          key,
          nfc: true,
        });
      }
    }
    expect(vi.heading).toBe("Mẫu của đơn vị");
    expect(vi.shadows("builtIn", "x", "1.0.0")).toBe(
      'Dùng thay cho mẫu có sẵn cùng mã "x" (phiên bản 1.0.0).'
    );
  });
});
