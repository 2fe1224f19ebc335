import path from 'node:path';

/**
 * A key under which two spellings of the same file compare equal: resolved, and case-folded on
 * the platforms whose default filesystems ignore case (Windows, macOS).
 */
export function pathKey(filePath: string, platform: NodeJS.Platform = process.platform): string {
  const resolved = platform === 'win32' ? path.win32.resolve(filePath) : path.posix.resolve(filePath);
  return platform === 'win32' || platform === 'darwin' ? resolved.toLowerCase() : resolved;
}
