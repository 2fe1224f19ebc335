import fs from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { claimedVersion, makeVersion, sha256 } from './fixtures/save-versions';

/**
 * The version a file holds, after checking it is byte for byte that complete version of
 * `sizeBytes` (else the assertion fails: the file is torn). Shared by the kill tests of the
 * desktop save and of the CLI writer.
 */
export async function completeVersion(file: string, sizeBytes: number): Promise<number> {
  const bytes = await fs.readFile(file);
  const k = claimedVersion(bytes);
  expect(k, `${path.basename(file)} has no version header: torn`).not.toBeNull();
  expect(bytes.length, `${path.basename(file)} is truncated`).toBe(sizeBytes);
  expect(sha256(bytes), `${path.basename(file)} is not exactly version ${k}`).toBe(sha256(makeVersion(k!, sizeBytes)));
  return k!;
}
