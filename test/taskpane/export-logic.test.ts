// The "Xuất Word" tab's own logic: the file name, the stored settings, what the host allows.
import {
  DEFAULT_CHOICES,
  parseChoices,
  settingsOf,
  storeChoices,
  storedChoices,
} from "../../src/taskpane/features/export/choices";
import { draftFileName } from "../../src/taskpane/features/export/file-name";
import {
  canOpenBrowserWindow,
  downloadsBlocked,
  paneUrl,
  type OfficeLike,
} from "../../src/taskpane/features/export/platform";
import { parseDocumentSettings } from "../../src/core/document";

describe("file name", () => {
  it("is bao-cao-<template>-<period>.docx, Vietnamese letters transliterated", () => {
    expect(draftFileName("cluster-emulation", "2023-H1")).toBe(
      "bao-cao-cluster-emulation-2023-H1.docx"
    );
    expect(draftFileName("quarterly-activity", "Quý I/2024 – Đợt 2")).toBe(
      "bao-cao-quarterly-activity-Quy-I-2024-Dot-2.docx"
    );
    expect(draftFileName("annual-plan", null)).toBe("bao-cao-annual-plan.docx");
  });
});

describe("settings", () => {
  it("are valid document settings whatever was stored", () => {
    for (const raw of [null, {}, { money: "tỷ", zeroPad: "có", sources: "x" }, DEFAULT_CHOICES]) {
      const parsed = parseDocumentSettings(settingsOf(parseChoices(raw)));
      expect(parsed.ok).toBe(true);
    }
    expect(
      parseChoices({ money: "compact", zeroPad: false, sources: "comments", footnotes: false })
    ).toEqual({ money: "compact", zeroPad: false, sources: "comments", footnotes: false });
  });

  it("are kept between sessions, and survive a storage that throws", () => {
    const map = new Map<string, string>();
    const storage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
    } as unknown as Storage;
    const chosen = { ...DEFAULT_CHOICES, money: "compact" as const, sources: "appendix" as const };
    storeChoices(chosen, storage);
    expect(storedChoices(storage)).toEqual(chosen);
    const broken = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    } as unknown as Storage;
    expect(() => storeChoices(chosen, broken)).not.toThrow();
    expect(storedChoices(broken)).toEqual(DEFAULT_CHOICES);
  });
});

describe("host", () => {
  const office = (platform: string, openBrowser: boolean): OfficeLike => ({
    PlatformType: { Mac: "Mac" },
    context: {
      platform,
      requirements: { isSetSupported: (n) => openBrowser && n === "OpenBrowserWindowApi" },
      ui: openBrowser ? { openBrowserWindow: () => undefined } : {},
    },
  });

  it("knows Excel on Mac ignores downloads, and nothing else does", () => {
    expect(downloadsBlocked(office("Mac", false))).toBe(true);
    expect(downloadsBlocked(office("PC", false))).toBe(false);
    expect(downloadsBlocked(office("OfficeOnline", false))).toBe(false);
    expect(downloadsBlocked(undefined)).toBe(false);
  });

  it("offers the browser window only with OpenBrowserWindowApi 1.1", () => {
    expect(canOpenBrowserWindow(office("Mac", true))).toBe(true);
    expect(canOpenBrowserWindow(office("Mac", false))).toBe(false);
    expect(canOpenBrowserWindow(undefined)).toBe(false);
  });

  it("opens the pane's page without the host's query", () => {
    expect(paneUrl("https://baocao.example.vn/addin/taskpane.html?_host_Info=Excel$Mac#x")).toBe(
      "https://baocao.example.vn/addin/taskpane.html"
    );
  });
});
