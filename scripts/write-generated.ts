// The files these scripts generate (the sample park, the basemap, the licence list, icons,
// fixtures) are written like every file the program writes: through the desktop's atomic
// writer (temp file, fsync, rename), so an interrupted run leaves the previous version whole
// instead of a truncated file in the repository. Running a script is the request to replace
// its output.
import fs from 'node:fs/promises';
import { atomicWriteFile } from '../electron/atomic-write';

/** Replaces `target` with `content` atomically (text is written as UTF-8). */
export function writeGeneratedFile(target: string, content: string | Uint8Array): Promise<void> {
  return atomicWriteFile(fs, target, typeof content === 'string' ? new TextEncoder().encode(content) : content);
}
