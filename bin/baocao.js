#!/usr/bin/env node
// The baocao CLI, from the compiled sources in build/ (npm run build:cli).
"use strict";
let runCli;
try {
  ({ runCli } = require("../build/cli/main.js"));
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND") {
    process.stderr.write(
      "BáoCáo chưa được biên dịch: chạy `npm run build:cli` trước. (Run `npm run build:cli` first.)\n"
    );
    process.exit(3);
  }
  throw e;
}
runCli(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
}).then((code) => {
  process.exitCode = code;
});
