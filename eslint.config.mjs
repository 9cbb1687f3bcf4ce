import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

// eslint-plugin-office-addins registers its own nested copy of @typescript-eslint; ESLint refuses a
// plugin defined twice, so its configs are used without that plugin and typescript-eslint's own
// (newer) plugin and parser serve every TypeScript file.
const officeConfigs = officeAddins.configs.react.map((config) => {
  if (!config.plugins || !config.plugins["@typescript-eslint"]) return config;
  const plugins = { ...config.plugins };
  delete plugins["@typescript-eslint"];
  return {
    ...config,
    files: ["**/*.{js,mjs,cjs,ts,cts,mts,tsx}"],
    plugins,
    languageOptions: { ...config.languageOptions, parser: tseslint.parser, ecmaVersion: 2022 },
  };
});

/** A command-line option, a `baocao` command, or a pane tab ("thẻ …") in a text. */
const FRONT_END_WORDS = String.raw`/(^|[\s(“"'])--[a-z][a-z-]+|\bbaocao [a-z]|\bthẻ [“"]?[A-ZĐ]/`;
const FRONT_END_WORDS_MESSAGE =
  "Core texts serve both the CLI and the pane: no CLI option, baocao command or pane tab here. " +
  "Return what is wrong (a typed result) and let src/cli and src/taskpane word where to act.";

export default [
  { ignores: ["node_modules/", "dist/", "build/", "out/", "test-results/", "coverage/"] },
  ...tseslint.configs.recommended,
  ...officeConfigs,
  {
    files: ["**/*.{ts,tsx}"],
    rules: {
      // TypeScript checks names itself (including jest's and Office's globals).
      "no-undef": "off",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
    },
  },
  {
    // The Office.js rules match on names like `cell.value`; outside Office.js code (the pure core,
    // the ExcelJS adapter, the CLI and their tests) they only misfire.
    files: [
      "src/core/**",
      "src/usecases/**",
      "src/adapters/xlsx/**",
      "src/adapters/docx/**",
      "src/cli/**",
      "test/core/**",
      "test/adapters/**",
      "test/cli/**",
      "test/usecases/**",
      "test/support/**",
      "scripts/**",
    ],
    rules: Object.fromEntries(
      Object.keys(officeAddins.rules).map((rule) => [`office-addins/${rule}`, "off"])
    ),
  },
  {
    // The core's words are shared by the command line and the pane, so its texts name neither a
    // command-line option or command ("--period", "baocao templates") nor a pane tab ("thẻ Tổng
    // hợp"): a core result states what is wrong (e.g. ConsolidationStop) and each front end says
    // where the user acts. The use cases (src/usecases) return typed results both front ends word,
    // so the same rule holds there.
    files: ["src/core/**/*.ts", "src/usecases/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: `Literal[value=${FRONT_END_WORDS}]`,
          message: FRONT_END_WORDS_MESSAGE,
        },
        {
          selector: `TemplateElement[value.raw=${FRONT_END_WORDS}]`,
          message: FRONT_END_WORDS_MESSAGE,
        },
      ],
    },
  },
  {
    // The core receives the templates it works with (issue 13): the built-in registry and its
    // files live in src/templates, which callers (CLI, pane, tests) import and pass in. The use
    // cases receive them the same way.
    files: ["src/core/**/*.{ts,tsx}", "src/usecases/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/templates", "**/templates/**"],
              message:
                "src/core không nhập danh mục mẫu (src/templates): nhận mẫu hoặc hàm find từ nơi gọi.",
            },
          ],
        },
      ],
    },
  },
  {
    // Node-side scripts and configs are CommonJS.
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        process: "readonly",
        console: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
];
