import {
  detectMode,
  isDarkColor,
  isDebug,
  lateHostedMode,
  type OfficeLike,
} from "../../src/taskpane/startup/detect";

function office(host: string | null, extra: Partial<OfficeLike> = {}): OfficeLike {
  return {
    onReady: () => Promise.resolve({ host, platform: "PC" }),
    context: { displayLanguage: "en-US", officeTheme: { bodyBackgroundColor: "#262626" } },
    ...extra,
  };
}

test("office.js that failed to load, or is absent, means preview at once", async () => {
  const neverReady: OfficeLike = { onReady: () => new Promise(() => undefined) };
  expect(await detectMode({ __officeJsFailed: true, Office: neverReady }, 50)).toEqual({
    mode: "preview",
    reason: "office-js-failed",
  });
  expect(await detectMode({}, 50)).toEqual({ mode: "preview", reason: "office-js-missing" });
  expect(await detectMode({ Office: {} }, 50)).toEqual({
    mode: "preview",
    reason: "office-js-missing",
  });
});

test("Office.onReady reporting Excel means hosted, with Office's language and theme", async () => {
  expect(await detectMode({ __officeJsFailed: false, Office: office("Excel") })).toEqual({
    mode: "hosted",
    displayLanguage: "en-US",
    officeTheme: { bodyBackgroundColor: "#262626" },
  });
});

test("outside Office (no host), in another host, on timeout or error: preview", async () => {
  expect(await detectMode({ Office: office(null) })).toEqual({
    mode: "preview",
    reason: "not-excel",
  });
  expect(await detectMode({ Office: office("Word") })).toEqual({
    mode: "preview",
    reason: "not-excel",
  });
  const start = Date.now();
  expect(
    await detectMode({ Office: { onReady: () => new Promise(() => undefined) } }, 100)
  ).toEqual({
    mode: "preview",
    reason: "timeout",
  });
  expect(Date.now() - start).toBeLessThan(2000);
  expect(await detectMode({ Office: { onReady: () => Promise.reject(new Error("x")) } })).toEqual({
    mode: "preview",
    reason: "error",
  });
});

test("dark Office themes are told from light ones by the body background", () => {
  expect(isDarkColor("#FFFFFF")).toBe(false);
  expect(isDarkColor("#E6E6E6")).toBe(false);
  expect(isDarkColor("#262626")).toBe(true); // Black
  expect(isDarkColor("#444444")).toBe(true); // Dark Gray
  expect(isDarkColor("not a colour")).toBe(false);
  expect(isDarkColor(undefined)).toBe(false);
});

test("?debug turns on debug lines", () => {
  expect(isDebug("?debug")).toBe(true);
  expect(isDebug("?a=1&debug=1")).toBe(true);
  expect(isDebug("?debugger")).toBe(false);
  expect(isDebug("")).toBe(false);
});

test("a slow Excel: after the timeout, Office.onReady reporting Excel still gives the hosted mode", async () => {
  let ready: (info: { host: unknown; platform: unknown }) => void = () => undefined;
  const slow: OfficeLike = {
    onReady: () => new Promise((resolve) => (ready = resolve)),
    context: { displayLanguage: "vi-VN" },
  };
  expect(await detectMode({ Office: slow }, 20)).toEqual({ mode: "preview", reason: "timeout" });
  const late = lateHostedMode({ Office: slow });
  ready({ host: "Excel", platform: "PC" });
  expect(await late).toEqual({ mode: "hosted", displayLanguage: "vi-VN", officeTheme: null });
  expect(await lateHostedMode({ Office: office(null) })).toBeNull();
  expect(await lateHostedMode({})).toBeNull();
});
