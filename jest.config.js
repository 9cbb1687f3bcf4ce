/**
 * Two groups of jest tests (the end-to-end ones have their own config, jest.e2e.config.js):
 *   unit         `npm run test:unit`: the pure core, the adapters without LibreOffice, the pane's
 *                logic, the in-memory Excel host; node alone, seconds.
 *   integration  `npm run test:integration`: tests that start LibreOffice (PDF conversion, the UNO
 *                judge), run the CLI over many written files, need system tools (xmllint,
 *                xsltproc, the ECMA-376 and manifest schemas in ../shared) or render many files.
 * `npx jest <paths>` runs the given files whatever their group. A new test is a unit test unless
 * listed here; the files are listed rather than moved so that their history stays in place.
 * @type {import('jest').Config}
 */
// Paths under the repository, as regular expressions: a folder (all its tests) or one file.
const INTEGRATION = [
  "test/judges/",
  "test/cli/",
  "test/adapters/xlsx\\.test\\.ts$",
  // Reads the whole fuzz corpus twice (ExcelJS and the direct reader): about 6 minutes.
  "test/adapters/xlsx/fast-read\\.test\\.ts$",
  "test/adapters/docx/docx\\.test\\.ts$",
  "test/adapters/docx/consolidated\\.test\\.ts$",
  "test/adapters/docx/layout\\.test\\.ts$",
  "test/prose/docx-prose\\.test\\.ts$",
  "test/manifest\\.test\\.ts$",
  // Renders every template's Word draft many times over (each setting, worker and main thread):
  // most of the unit group's time (85 of 217 s measured), though it starts no other program.
  "test/taskpane/export-engine\\.test\\.ts$",
];

const common = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
};

module.exports = {
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch: ["**/*.test.ts", "**/*.test.tsx"],
      testPathIgnorePatterns: [
        "/node_modules/",
        "<rootDir>/test/e2e/",
        ...INTEGRATION.map((p) => `<rootDir>/${p}`),
      ],
    },
    {
      ...common,
      displayName: "integration",
      testRegex: INTEGRATION.map((p) => `/${p}${p.endsWith("/") ? ".*\\.test\\.tsx?$" : ""}`),
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
    },
  ],
};
