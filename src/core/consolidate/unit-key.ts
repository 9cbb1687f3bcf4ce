/** How unit names are compared: case, spacing and Unicode composition do not matter. */
export function unitKey(name: string): string {
  return name.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("vi");
}
