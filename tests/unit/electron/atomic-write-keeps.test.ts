import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { atomicWriteFile, type AtomicFs } from '../../../electron/atomic-write';
import { createFileService } from '../../../electron/file-service';
import { fakeLoadSql, fakeReadProject, fakeWriteProject, sampleDocument, useTempDir } from './helpers';
import { sha256 } from './fixtures/save-versions';

/**
 * Issue 11, finding 7: a save keeps what the user had. The new file and its .bak keep the old
 * file's permission bits (and owner where permitted); a save through a symlink writes the
 * link's target and leaves the link a link; the .bak is fsynced before it replaces the old
 * .bak, and the folder is fsynced after the publishing rename.
 */

const tempDir = useTempDir();
const bytes = (text: string) => new TextEncoder().encode(text);
const modeOf = async (file: string) => (await fs.stat(file)).mode & 0o777;
const service = () => createFileService({ fs, loadSql: fakeLoadSql, readProject: fakeReadProject, writeProject: fakeWriteProject });
const POSIX = process.platform !== 'win32';

describe.runIf(POSIX)('atomic write keeps the mode and owner', () => {
  it('a 0600 project stays 0600 after two saves, and so does its .bak', async () => {
    const target = path.join(tempDir(), 'private.gpkg');
    await fs.writeFile(target, 'secret v0');
    await fs.chmod(target, 0o600);
    await service().save(target, sampleDocument('v1'));
    const v1Sha = sha256(await fs.readFile(target));
    await service().save(target, sampleDocument('v2'));
    expect((await modeOf(target)).toString(8)).toBe('600');
    expect((await modeOf(`${target}.bak`)).toString(8)).toBe('600');
    // The .bak is the previous version itself (v1), not only a file with the right mode.
    expect(sha256(await fs.readFile(`${target}.bak`))).toBe(v1Sha);
    expect(sha256(await fs.readFile(target))).not.toBe(v1Sha);
  });

  it('bits the umask would strip (group write, 0664) are kept too', async () => {
    const target = path.join(tempDir(), 'shared.geojson');
    await fs.writeFile(target, 'v0');
    await fs.chmod(target, 0o664);
    await atomicWriteFile(fs, target, bytes('v1'), { backup: true });
    expect((await modeOf(target)).toString(8)).toBe('664');
    expect((await modeOf(`${target}.bak`)).toString(8)).toBe('664');
    expect(await fs.readFile(`${target}.bak`, 'utf8')).toBe('v0');
  });

  it('a new file with no previous version gets the usual 0644 (minus the umask)', async () => {
    const target = path.join(tempDir(), 'new.gpkg');
    await atomicWriteFile(fs, target, bytes('v1'));
    const umask = process.umask();
    expect(await modeOf(target)).toBe(0o644 & ~umask);
  });

  it.runIf(process.getuid?.() === 0)('keeps the owner of a file that belongs to someone else (when running as root)', async () => {
    const target = path.join(tempDir(), 'theirs.gpkg');
    await fs.writeFile(target, 'v0');
    // uid/gid 4242 need not exist: ownership is numbers.
    await fs.chown(target, 4242, 4343);
    await atomicWriteFile(fs, target, bytes('v1'), { backup: true });
    for (const file of [target, `${target}.bak`]) {
      const stat = await fs.stat(file);
      expect([stat.uid, stat.gid]).toEqual([4242, 4343]);
    }
    expect(await fs.readFile(`${target}.bak`, 'utf8')).toBe('v0');
  });
});

describe.runIf(POSIX)('atomic write through a symlink', () => {
  it('writes the target, keeps the link, and puts the .bak beside the target', async () => {
    const real = path.join(tempDir(), 'projects', 'park.gpkg');
    await fs.mkdir(path.dirname(real));
    await fs.writeFile(real, 'v0');
    const link = path.join(tempDir(), 'park-link.gpkg');
    await fs.symlink(real, link);
    const outcome = await service().save(link, sampleDocument('through the link'));
    expect(outcome.ok).toBe(true);
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readlink(link)).toBe(real);
    const reopened = await service().open(real);
    expect(reopened.ok && reopened.document.project.name).toBe('through the link');
    expect(await fs.readFile(`${real}.bak`, 'utf8')).toBe('v0');
    // Nothing but the link next to it: no .bak, no temp beside the link.
    expect((await fs.readdir(tempDir())).sort()).toEqual(['park-link.gpkg', 'projects']);
    expect((await fs.readdir(path.dirname(real))).sort()).toEqual(['park.gpkg', 'park.gpkg.bak']);
  });

  it('follows a relative link and a chain of links', async () => {
    const dir = tempDir();
    await fs.writeFile(path.join(dir, 'real.csv'), 'v0');
    await fs.symlink('real.csv', path.join(dir, 'a.csv'));
    await fs.symlink('a.csv', path.join(dir, 'b.csv'));
    await atomicWriteFile(fs, path.join(dir, 'b.csv'), bytes('v1'));
    expect(await fs.readFile(path.join(dir, 'real.csv'), 'utf8')).toBe('v1');
    expect(await fs.readlink(path.join(dir, 'b.csv'))).toBe('a.csv');
    expect(await fs.readlink(path.join(dir, 'a.csv'))).toBe('real.csv');
  });
});

/** node:fs/promises that logs every call with the path it concerns, handle calls included. */
function recordingFs(log: string[]): AtomicFs {
  const name = (p: string) => path.basename(p).replace(/\.[0-9a-f]{12}\.tmp$/, '.TMP');
  return {
    readFile: (p) => fs.readFile(p),
    realpath: (p) => fs.realpath(p),
    stat: (p) => fs.stat(p),
    readdir: (p) => fs.readdir(p),
    unlink: (p) => fs.unlink(p),
    async rename(a, b) {
      log.push(`rename ${name(a)} → ${name(b)}`);
      return fs.rename(a, b);
    },
    async open(p, flags, mode) {
      const handle = await fs.open(p, flags, mode);
      const label = flags === 'r' ? `dir ${path.basename(p)}` : name(p);
      log.push(`open ${label}`);
      return {
        write: (buffer, offset, length, position) => handle.write(buffer, offset, length, position),
        chmod: (m) => handle.chmod(m),
        chown: (uid, gid) => handle.chown(uid, gid),
        async sync() {
          log.push(`fsync ${label}`);
          return handle.sync();
        },
        close: () => handle.close(),
      };
    },
  };
}

describe('atomic write: what reaches the disk before what', () => {
  it('fsyncs the .bak before it replaces the old .bak, and the folder after the publishing rename', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'park.gpkg');
    await fs.writeFile(target, 'v0');
    const log: string[] = [];
    await atomicWriteFile(recordingFs(log), target, bytes('v1'), { backup: true });
    const at = (entry: string) => {
      const index = log.indexOf(entry);
      expect(index, `${entry} in ${log.join(', ')}`).toBeGreaterThanOrEqual(0);
      return index;
    };
    // The .bak: written to a temp, fsynced, then renamed over park.gpkg.bak.
    expect(at('fsync .park.gpkg.bak.TMP')).toBeLessThan(at('rename .park.gpkg.bak.TMP → park.gpkg.bak'));
    // The new version: fsynced before it is published.
    expect(at('fsync .park.gpkg.TMP')).toBeLessThan(at('rename .park.gpkg.TMP → park.gpkg'));
    if (process.platform !== 'win32') {
      // Opening a folder works on POSIX; on Windows the writer skips this quietly (save-fault tests).
      expect(at(`fsync dir ${path.basename(dir)}`)).toBeGreaterThan(at('rename .park.gpkg.TMP → park.gpkg'));
    }
    expect(await fs.readFile(`${target}.bak`, 'utf8')).toBe('v0');
    expect(await fs.readFile(target, 'utf8')).toBe('v1');
  });
});
