/*
 * Webpack build of the BáoCáo task pane and ribbon function file.
 *
 *   npm run build        production build into dist/ (+ bundle report and budget check)
 *   npm run build:dev    development build into dist/
 *   npm run dev-server   https://localhost:3000/ with office-addin-dev-certs certificates
 *   npx webpack --mode production --env probe   also bundles scripts/webpack-probe.ts (dist/probe.html),
 *                        a check that exceljs and docx bundle for the browser as lazy chunks
 *   --env modern         does not compile libraries down to ES2017 (faster; the pane then needs a Chromium webview)
 *   --env budgetKB=N     overrides the 400 KB gzip budget of the pane's initial JS (to test the check)
 *
 * Output: dist/taskpane.html, dist/commands.html, dist/manifest.xml, dist/assets/*, JS chunks,
 * dist/bundle-report.json (production).
 *
 * Hosting dist/ elsewhere (ADDIN_URL): the manifest refers to https://localhost:3000/… for development.
 * A production build rewrites that prefix in dist/manifest.xml to the value of the environment variable
 * ADDIN_URL (default https://localhost:3000/), so an organisation can serve dist/ from any static https
 * host, e.g.
 *     ADDIN_URL=https://baocao.ldld.example.vn/addin/ npm run build
 * then upload dist/ to that folder and deploy dist/manifest.xml. The pages use relative paths, so they work
 * in any folder. Office requires https; a trailing "/" is added if missing.
 *
 * Office-wide templates: a `templates/` folder at the repository root (template files and an
 * index.json listing their names) is copied to dist/templates/, where every user's pane finds it
 * (README, "Mẫu chung của cơ quan"). Without one, dist/templates/index.json is an empty list, so
 * the pane's request for it is answered rather than logged as a 404 in the console.
 */
const { Buffer } = require("node:buffer");
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const PORT = 3000;
/**
 * `scheduler` is a peer dependency of @fluentui/react-context-selector. With legacy-peer-deps (.npmrc) npm does
 * not hoist it, so it lives only under react-dom/node_modules; point imports of it there unless it is installed
 * at the top level (the clean fix: add "scheduler" to package.json dependencies).
 */
function schedulerAlias() {
  try {
    require.resolve("scheduler", { paths: [__dirname] });
    return {};
  } catch {
    try {
      const reactDom = path.dirname(
        require.resolve("react-dom/package.json", { paths: [__dirname] })
      );
      return {
        scheduler: path.dirname(require.resolve("scheduler/package.json", { paths: [reactDom] })),
      };
    } catch {
      return {};
    }
  }
}

/** Budget for the task pane's initial JavaScript (entry chunks, not lazy ones), gzipped. */
const INITIAL_GZIP_BUDGET_KB = 400;

function addinUrl() {
  let url = (process.env.ADDIN_URL || DEV_URL).trim();
  if (!/^https:\/\/[^/]+/i.test(url)) {
    throw new Error(
      `ADDIN_URL phải là địa chỉ https (Office chỉ nạp phần bổ trợ qua https): "${url}"\n` +
        `ADDIN_URL must be an https URL (Office loads add-ins over https only): "${url}"`
    );
  }
  if (!url.endsWith("/")) url += "/";
  return url;
}

/**
 * The lowest ECMAScript edition a script parses as (2017…2022), or null if none / acorn is missing.
 * Excel 2019 on Windows (EdgeHTML 18 webview) parses ES2017 but not later syntax such as object spread
 * or optional chaining, so a chunk above 2017 will not load there.
 */
function minEcmaVersion(source) {
  let acorn;
  try {
    acorn = require("acorn"); // webpack's own parser, always installed with webpack
  } catch {
    return null;
  }
  for (const ecmaVersion of [2017, 2018, 2019, 2020, 2021, 2022]) {
    try {
      acorn.parse(source, { ecmaVersion, sourceType: "script" });
      return ecmaVersion;
    } catch {
      // try the next edition
    }
  }
  return null;
}

/**
 * Prints a table of the emitted JS chunks (raw and gzip sizes, initial or lazy), writes the same data to
 * bundle-report.json, and fails the build when the task pane's initial JS exceeds the gzip budget.
 */
class BundleReportPlugin {
  constructor(options) {
    this.entry = options.entry;
    this.budgetKB = options.budgetKB;
  }

  apply(compiler) {
    const name = "BundleReportPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const kb = (n) => Math.round((n / 1024) * 10) / 10;
          const initialOf = new Map(); // file -> entry names for which it is initial
          for (const [entryName, ep] of compilation.entrypoints) {
            for (const chunk of ep.chunks) {
              for (const file of chunk.files) {
                if (!initialOf.has(file)) initialOf.set(file, []);
                initialOf.get(file).push(entryName);
              }
            }
          }
          const rows = [];
          for (const chunk of compilation.chunks) {
            for (const file of chunk.files) {
              if (!file.endsWith(".js")) continue;
              const asset = compilation.getAsset(file);
              if (!asset) continue;
              const buf = Buffer.from(asset.source.buffer());
              const entries = initialOf.get(file) || [];
              rows.push({
                chunk: chunk.name || String(chunk.id),
                file,
                rawBytes: buf.length,
                gzipBytes: zlib.gzipSync(buf, { level: 9 }).length,
                minEcmaVersion: minEcmaVersion(buf.toString("utf8")),
                type: entries.length ? "initial" : "lazy",
                entries,
              });
            }
          }
          rows.sort((a, b) =>
            a.type === b.type ? b.gzipBytes - a.gzipBytes : a.type === "initial" ? -1 : 1
          );
          const paneInitial = rows.filter((r) => r.entries.includes(this.entry));
          const sum = (rs, k) => rs.reduce((s, r) => s + r[k], 0);
          const initialRaw = sum(paneInitial, "rawBytes");
          const initialGzip = sum(paneInitial, "gzipBytes");
          const overBudget = initialGzip > this.budgetKB * 1024;

          const table = [["chunk", "raw KB", "gzip KB", "initial/lazy", "syntax", "file"]].concat(
            rows.map((r) => [
              r.chunk,
              kb(r.rawBytes).toFixed(1),
              kb(r.gzipBytes).toFixed(1),
              r.type + (r.entries.length ? ` (${r.entries.join(",")})` : ""),
              r.minEcmaVersion === null
                ? "?"
                : `ES${r.minEcmaVersion}${r.minEcmaVersion > 2017 ? " !" : ""}`,
              r.file,
            ])
          );
          const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
          const line = (row) =>
            row
              .map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
              .join("  ");
          const out = [
            "",
            "Kích thước gói JS / JS bundle sizes (KB = 1024 bytes, gzip level 9):",
            line(table[0]),
            widths.map((w) => "-".repeat(w)).join("  "),
            ...table.slice(1).map(line),
            "",
            "syntax: ES2017 = cú pháp đọc được trong Excel 2019 (EdgeHTML) / syntax parses in Excel 2019 (EdgeHTML); " +
              "! = cú pháp mới hơn, chỉ Microsoft 365/Office 2021+ (WebView2) / newer syntax, Microsoft 365/Office 2021+ only",
            `JS ban đầu của ngăn tác vụ / task pane initial JS (${this.entry}): ` +
              `${kb(initialRaw).toFixed(1)} KB raw, ${kb(initialGzip).toFixed(1)} KB gzip ` +
              `(ngân sách / budget ${this.budgetKB} KB gzip) ${overBudget ? "✘ VƯỢT / OVER" : "✔"}`,
            "",
          ];
          compilation.getLogger(name).info(out.join("\n"));
          // Also straight to the console: the info above is hidden at the default stats level.
          console.log(out.join("\n"));

          const report = {
            generatedAt: new Date().toISOString(),
            entry: this.entry,
            budgetGzipKB: this.budgetKB,
            initial: {
              rawBytes: initialRaw,
              gzipBytes: initialGzip,
              rawKB: kb(initialRaw),
              gzipKB: kb(initialGzip),
            },
            overBudget,
            chunks: rows.map((r) => ({ ...r, rawKB: kb(r.rawBytes), gzipKB: kb(r.gzipBytes) })),
          };
          compilation.emitAsset(
            "bundle-report.json",
            new webpack.sources.RawSource(JSON.stringify(report, null, 2) + "\n")
          );
          if (overBudget) {
            compilation.errors.push(
              new webpack.WebpackError(
                `JS ban đầu của ngăn tác vụ ${kb(initialGzip)} KB gzip vượt ngân sách ${this.budgetKB} KB: hãy tải lười (import()) các thư viện lớn.\n` +
                  `Task pane initial JS ${kb(initialGzip)} KB gzip exceeds the ${this.budgetKB} KB budget: lazy-load (import()) large libraries.`
              )
            );
          }
        }
      );
    });
  }
}

/** Emits templates/index.json as an empty list (no office-wide templates in this build). */
class EmptyTemplateIndexPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("EmptyTemplateIndexPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        {
          name: "EmptyTemplateIndexPlugin",
          stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL,
        },
        () => compilation.emitAsset("templates/index.json", new webpack.sources.RawSource("[]\n"))
      );
    });
  }
}

async function devServerHttps() {
  try {
    const devCerts = require("office-addin-dev-certs");
    // Only read certificates that are already installed: getHttpsServerOptions() would otherwise
    // generate and install a CA with sudo in the middle of starting the server.
    if (!devCerts.verifyCertificates())
      throw new Error("office-addin-dev-certs: certificates not installed");
    return { type: "https", options: await devCerts.getHttpsServerOptions() };
  } catch (err) {
    console.warn(
      [
        "",
        "⚠ Chưa có chứng chỉ phát triển tin cậy cho https://localhost — máy chủ dùng chứng chỉ tự ký tạm thời,",
        "  Office/Excel sẽ không nạp được phần bổ trợ. Hãy chạy:  npx office-addin-dev-certs install",
        "⚠ No trusted development certificate for https://localhost — the server uses a temporary self-signed",
        "  certificate that Office/Excel will reject. Run:  npx office-addin-dev-certs install",
        `  (${err && err.message ? err.message : err})`,
        "",
      ].join("\n")
    );
    return "https";
  }
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || process.env.NODE_ENV || "production";
  const isProd = mode === "production";
  const probe = Boolean(env.probe);
  const baseUrl = isProd ? addinUrl() : DEV_URL;
  const hasOfficeTemplates = fs.existsSync(path.join(__dirname, "templates", "index.json"));

  const entry = {
    taskpane: "./src/taskpane/index.tsx",
    commands: "./src/commands/commands.ts",
  };
  if (probe) entry.probe = "./scripts/webpack-probe.ts";

  const html = (name, template) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template,
      chunks: [name],
      // Deferred: runs after parsing, whether or not office.js (a blocking <script> in the template) loaded.
      scriptLoading: "defer",
      inject: "head",
      // webpack 5.112 minifies emitted .html itself in production; don't do it twice.
      minify: false,
    });

  /** @type {import('webpack').Configuration} */
  const config = {
    mode,
    context: __dirname,
    entry,
    target: ["web", "es2017"],
    devtool: isProd ? "source-map" : "eval-cheap-module-source-map",
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: isProd ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: isProd ? "[name].[contenthash:8].js" : "[name].js",
      // Relative to the page, so dist/ can be served from any folder (see ADDIN_URL above).
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // Browser bundles of libraries written for Node: exceljs's package.json "browser" field points to
      // its prebuilt dist/exceljs.min.js (own polyfills inside) and docx's ESM build has no Node imports,
      // so no Node core module is polyfilled; any that a library still names resolves to an empty module.
      mainFields: ["browser", "module", "main"],
      alias: schedulerAlias(),
      fallback: {
        fs: false,
        path: false,
        stream: false,
        buffer: false,
        crypto: false,
        os: false,
        util: false,
        zlib: false,
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type checking is a separate step: npm run typecheck.
              transpileOnly: true,
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // ES modules so that import() becomes a lazily loaded chunk. Our own code is compiled down to
              // ES2017: Excel 2019 (ExcelApi 1.7) on Windows runs add-ins in the EdgeHTML 18 webview,
              // which has no optional chaining, ?? or object spread (tsconfig's ES2020 target would emit them).
              compilerOptions: {
                noEmit: false,
                module: "esnext",
                target: "es2017",
                sourceMap: true,
              },
            },
          },
        },
        // Libraries are shipped as ES2018–ES2022 (Fluent UI's focus helpers use class static blocks, ??=, ?.;
        // exceljs's browser bundle uses object spread). Compile their syntax down to ES2017 as well so the pane
        // parses in Excel 2019's EdgeHTML webview; costs a few seconds per build and ~3 % gzip. Only syntax is
        // lowered: library calls to newer built-ins (e.g. Object.fromEntries) are not polyfilled.
        // `--env modern` skips this for builds that only target WebView2/Chromium hosts.
        ...(env.modern
          ? []
          : [
              {
                test: /\.[cm]?js$/,
                include: /node_modules/,
                use: {
                  loader: "ts-loader",
                  options: {
                    transpileOnly: true,
                    configFile: path.resolve(__dirname, "tsconfig.json"),
                    compilerOptions: {
                      noEmit: false,
                      module: "esnext",
                      target: "es2017",
                      allowJs: true,
                      checkJs: false,
                      sourceMap: false,
                      useDefineForClassFields: true,
                    },
                  },
                },
              },
            ]),
      ],
    },
    plugins: [
      // The pane loads the built-in templates from their compiled definitions (src/templates/
      // compiled.ts, without zod) wherever the code imports the registry src/templates/index.ts.
      new webpack.NormalModuleReplacementPlugin(/[\\/]templates$/, (resource) => {
        const target = path.resolve(resource.context, resource.request);
        if (target === path.resolve(__dirname, "src/templates"))
          resource.request = path.resolve(__dirname, "src/templates/compiled.ts");
      }),
      html("taskpane", "./src/taskpane/taskpane.html"),
      html("commands", "./src/commands/commands.html"),
      ...(probe
        ? [
            new HtmlWebpackPlugin({
              filename: "probe.html",
              templateContent:
                '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>probe</title></head><body></body></html>',
              chunks: ["probe"],
            }),
          ]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets", globOptions: { ignore: ["**/.*"] } },
          ...(hasOfficeTemplates
            ? [{ from: "templates", to: "templates", globOptions: { ignore: ["**/.*"] } }]
            : []),
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              baseUrl === DEV_URL
                ? content
                : Buffer.from(content.toString("utf8").split(DEV_URL).join(baseUrl), "utf8"),
          },
        ],
      }),
      ...(hasOfficeTemplates ? [] : [new EmptyTemplateIndexPlugin()]),
      ...(isProd
        ? [
            new BundleReportPlugin({
              entry: "taskpane",
              budgetKB: Number(env.budgetKB) || INITIAL_GZIP_BUDGET_KB,
            }),
          ]
        : []),
    ],
    performance: { hints: false }, // replaced by BundleReportPlugin's budget
    optimization: {
      // Only code behind import() is split off (lazy chunks); the pane's initial JS stays in its entry file,
      // which is what the budget measures.
      splitChunks: { chunks: "async" },
    },
    stats: isProd ? "errors-warnings" : "minimal",
  };

  if (env.WEBPACK_SERVE) {
    config.devServer = {
      // localhost only: Excel (desktop, or on the web in this machine's browser) loads from here.
      host: "localhost",
      port: Number(process.env.npm_package_config_dev_server_port) || PORT,
      server: await devServerHttps(),
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      hot: false,
      client: { overlay: { warnings: false, errors: true } },
    };
  }

  return config;
};

module.exports.BundleReportPlugin = BundleReportPlugin;
