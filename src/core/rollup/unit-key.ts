// How unit names are matched everywhere (hierarchy, duplicates, expected units): a parent typed
// by hand as "LĐLĐ Huyện Yên Thế" is the unit "LĐLĐ huyện Yên Thế". No imports, so the pane's
// initial bundle can use it without the core.

/** Spacing as typed: runs of blanks collapsed, composed Unicode (NFD text from some tools). */
export function cleanUnitName(name: string): string {
  return name.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** Case, spacing and Unicode composition do not matter. Names keep their first spelling in outputs. */
export function unitKey(name: string): string {
  return cleanUnitName(name).toLocaleLowerCase("vi");
}
