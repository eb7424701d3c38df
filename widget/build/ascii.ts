/**
 * Fails the build when a browser file holds a byte over 0x7f: a customer page served without a charset would
 * show "Incident Â· Monitoring". The minifier escapes what it can; this is the check that it did.
 */
export function assertAscii(file: string, code: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is all of ASCII, control characters included
  const at = code.search(/[^\x00-\x7f]/);
  if (at >= 0) {
    throw new Error(
      `${file} is not pure ASCII: ${JSON.stringify(code.slice(Math.max(0, at - 30), at + 10))} (U+${code.codePointAt(at)!.toString(16)})`,
    );
  }
  return code;
}

/** JSON text with every character over 0x7e written `\\uXXXX`: a value written into a browser file as data. */
export const asciiJson = (value: unknown): string =>
  JSON.stringify(value).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
