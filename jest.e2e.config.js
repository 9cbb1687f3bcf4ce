/**
 * End-to-end tests: test/e2e/**\/*.e2e.test.ts, run by `npm run test:e2e` after a production build.
 * They drive the system's headless Chromium (playwright-core, /usr/bin/chromium or CHROMIUM_PATH)
 * against dist/ served on 127.0.0.1 (test/e2e/serve.ts, test/e2e/browser.ts). One worker: a single browser
 * at a time keeps 2-core CI machines responsive.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["<rootDir>/test/e2e/**/*.e2e.test.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  testTimeout: 120000,
  maxWorkers: 1,
};
