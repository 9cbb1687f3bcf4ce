// Exit codes of the baocao CLI (documented in README):
//   0  success
//   1  the input was read but has problems (validation errors; some files left out)
//   2  unusable input or bad usage (missing/damaged file, unknown template, bad data.json, unwritable output)
//   3  unexpected internal error (please report; BAOCAO_DEBUG=1 shows details)
export const EXIT = { ok: 0, problems: 1, unusable: 2, internal: 3 } as const;

/** An error the user can act on: printed as is, without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.unusable
  ) {
    super(message);
    this.name = "CliError";
  }
}
