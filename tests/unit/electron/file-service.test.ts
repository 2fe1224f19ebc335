import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileService, type FileServiceFs } from '../../../electron/file-service';
import { fakeLoadSql, fakeReadProject, fakeWriteProject, makeTempDir, removeDir, sampleDocument } from './helpers';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await removeDir(dir);
});

const service = (fsImpl: FileServiceFs = fs) =>
  createFileService({ fs: fsImpl, loadSql: fakeLoadSql, readProject: fakeReadProject, writeProject: fakeWriteProject });

/** node:fs/promises with one step replaced by a failure. */
function failingFs(step: 'write' | 'sync' | 'rename' | 'readFile'): FileServiceFs {
  const boom = () => Promise.reject(Object.assign(new Error(`injected ${step} failure`), { code: 'EIO' }));
  return {
    // readFile is how the save copies the previous version into the .bak.
    readFile: step === 'readFile' ? boom : (p) => fs.readFile(p),
    stat: (p) => fs.stat(p),
    realpath: (p) => fs.realpath(p),
    readdir: (p) => fs.readdir(p),
    unlink: (p) => fs.unlink(p),
    rename: step === 'rename' ? boom : (a, b) => fs.rename(a, b),
    async open(p, flags, mode) {
      const handle = await fs.open(p, flags, mode);
      return {
        write: step === 'write' ? boom : (buffer, offset, length, position) => handle.write(buffer, offset, length, position),
        chmod: (m) => handle.chmod(m),
        chown: (uid, gid) => handle.chown(uid, gid),
        sync: step === 'sync' ? boom : () => handle.sync(),
        close: () => handle.close(),
      };
    },
  };
}

describe('file service: save', () => {
  it('writes a new file that opens again, without a .bak when there was no previous version', async () => {
    const target = path.join(dir, 'park.gpkg');
    const doc = sampleDocument();
    const outcome = await service().save(target, doc);
    const written = await fs.readFile(target);
    expect(outcome).toEqual({ ok: true, fileName: 'park.gpkg', filePath: target, bytes: written.length });
    expect(await fs.readdir(dir)).toEqual(['park.gpkg']);
    const reopened = await service().open(target);
    expect(reopened).toEqual({ ok: true, document: doc, fileName: 'park.gpkg', filePath: target });
  });

  it('keeps the previous version as <name>.gpkg.bak', async () => {
    const target = path.join(dir, 'park.gpkg');
    await service().save(target, sampleDocument('First'));
    const first = await fs.readFile(target);
    await service().save(target, sampleDocument('Second'));
    expect(await fs.readFile(`${target}.bak`)).toEqual(first);
    const current = await service().open(target);
    expect(current.ok && current.document.project.name).toBe('Second');
    expect((await fs.readdir(dir)).sort()).toEqual(['park.gpkg', 'park.gpkg.bak']);
  });

  for (const step of ['write', 'sync', 'rename', 'readFile'] as const) {
    it(`a failing ${step} leaves the old file byte-identical and no temp file behind`, async () => {
      const target = path.join(dir, 'park.gpkg');
      await service().save(target, sampleDocument('Original'));
      const before = await fs.readFile(target);
      const listing = (await fs.readdir(dir)).sort();
      const outcome = await service(failingFs(step)).save(target, sampleDocument('Replacement'));
      expect(outcome.ok).toBe(false);
      expect(!outcome.ok && outcome.reason).toBe('io_error');
      expect(!outcome.ok && 'detail' in outcome && outcome.detail).toContain('previous file is unchanged');
      expect(await fs.readFile(target)).toEqual(before);
      expect((await fs.readdir(dir)).sort()).toEqual(listing);
    });
  }

  it('a failed first save leaves nothing at all', async () => {
    const target = path.join(dir, 'new.gpkg');
    const outcome = await service(failingFs('sync')).save(target, sampleDocument());
    expect(outcome.ok).toBe(false);
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('reports an encoder failure as invalid_document and writes nothing', async () => {
    const target = path.join(dir, 'park.gpkg');
    const broken = createFileService({
      fs,
      loadSql: fakeLoadSql,
      readProject: fakeReadProject,
      writeProject: () => {
        throw new Error('bad geometry');
      },
    });
    const outcome = await broken.save(target, sampleDocument());
    expect(outcome).toMatchObject({ ok: false, reason: 'invalid_document' });
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('reports a missing directory as io_error', async () => {
    const outcome = await service().save(path.join(dir, 'missing', 'park.gpkg'), sampleDocument());
    expect(outcome).toMatchObject({ ok: false, reason: 'io_error' });
  });
});

describe('file service: open', () => {
  it('refuses a file that is not a project and leaves it byte-identical', async () => {
    const target = path.join(dir, 'notes.gpkg');
    const original = new TextEncoder().encode('just some text, not SQLite');
    await fs.writeFile(target, original);
    const stamp = (await fs.stat(target)).mtimeMs;
    const outcome = await service().open(target);
    expect(outcome).toEqual({ ok: false, reason: 'not_sqlite', detail: 'not a database', fileName: 'notes.gpkg' });
    expect(new Uint8Array(await fs.readFile(target))).toEqual(original);
    expect((await fs.stat(target)).mtimeMs).toBe(stamp);
    expect(await fs.readdir(dir)).toEqual(['notes.gpkg']);
  });

  it('passes the importable document of a foreign GeoPackage through', async () => {
    const target = path.join(dir, 'qgis.gpkg');
    await fs.writeFile(target, 'FOREIGN layers');
    const outcome = await service().open(target);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toBe('foreign_geopackage');
    expect(!outcome.ok && 'importable' in outcome && outcome.importable?.project.name).toBe('Imported');
    expect(await fs.readFile(target, 'utf8')).toBe('FOREIGN layers');
  });

  it('reports a missing file as io_error', async () => {
    const outcome = await service().open(path.join(dir, 'gone.gpkg'));
    expect(outcome).toMatchObject({ ok: false, reason: 'io_error', fileName: 'gone.gpkg' });
  });

  it('turns a decoder that throws into a refusal, not a crash', async () => {
    const target = path.join(dir, 'x.gpkg');
    await fs.writeFile(target, 'x');
    const throwing = createFileService({
      fs,
      loadSql: fakeLoadSql,
      writeProject: fakeWriteProject,
      readProject: () => {
        throw new Error('unexpected');
      },
    });
    expect(await throwing.open(target)).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(await fs.readFile(target, 'utf8')).toBe('x');
  });
});

describe('file service: changes on disk', () => {
  it('saves in place when the file is still the version this window read', async () => {
    const target = path.join(dir, 'park.gpkg');
    await service().save(target, sampleDocument('First'));
    const { stamp } = await service().read(target);
    expect(stamp).not.toBeNull();
    const outcome = await service().save(target, sampleDocument('Second'), { expected: stamp });
    expect(outcome.ok).toBe(true);
  });

  it('refuses to overwrite a file another program changed, writing nothing', async () => {
    const target = path.join(dir, 'park.gpkg');
    await service().save(target, sampleDocument('Mine'));
    const { stamp } = await service().read(target);
    // QGIS (or another window) saves the same file meanwhile.
    await fs.writeFile(target, 'FAKEGPKG\n{"changed":"elsewhere, a longer content"}');
    const theirs = await fs.readFile(target);
    const outcome = await service().save(target, sampleDocument('Mine again'), { expected: stamp });
    expect(outcome).toEqual({
      ok: false,
      reason: 'changed_on_disk',
      fileName: 'park.gpkg',
      detail: 'park.gpkg was changed on disk by another program or window since it was opened or last saved here. Nothing was written.',
    });
    expect(await fs.readFile(target)).toEqual(theirs);
    // Without an expected version (the user chose "Overwrite") the save goes through.
    expect((await service().save(target, sampleDocument('Mine again'))).ok).toBe(true);
  });

  it('detects a same-size change by content, and ignores a mere touch', async () => {
    const target = path.join(dir, 'park.gpkg');
    await service().save(target, sampleDocument('AAAA'));
    const { stamp } = await service().read(target);
    const original = await fs.readFile(target);
    // A touch: same bytes, new modification time.
    await fs.utimes(target, new Date(), new Date(Date.now() + 5000));
    expect((await service().write(target, sampleDocument('AAAA'), { expected: stamp })).outcome.ok).toBe(true);
    const { stamp: second } = await service().read(target);
    // Same size, different bytes, a new time: only the content tells.
    const changed = Buffer.from(original);
    changed[changed.length - 3] ^= 1;
    await fs.writeFile(target, changed);
    await fs.utimes(target, new Date(), new Date(second!.mtimeMs + 7000));
    expect(changed.length).toBe(second!.size);
    const outcome = await service().save(target, sampleDocument('BBBB'), { expected: second });
    expect(outcome).toMatchObject({ ok: false, reason: 'changed_on_disk' });
  });

  it('a deleted file is no conflict: nothing would be overwritten', async () => {
    const target = path.join(dir, 'park.gpkg');
    await service().save(target, sampleDocument());
    const { stamp } = await service().read(target);
    await fs.unlink(target);
    expect((await service().save(target, sampleDocument(), { expected: stamp })).ok).toBe(true);
  });

  it('the stamp of a write is the stamp a read sees next', async () => {
    const target = path.join(dir, 'park.gpkg');
    const written = await service().write(target, sampleDocument());
    const read = await service().read(target);
    expect(written.stamp).toEqual(read.stamp);
    expect(written.stamp?.size).toBe((await fs.stat(target)).size);
  });
});

describe('file service: left-over temp files', () => {
  it('removes temp files of a killed save once they are stale, and leaves young ones and other files alone', async () => {
    const target = path.join(dir, 'park.gpkg');
    const stale = path.join(dir, '.park.gpkg.0123456789ab.tmp');
    const staleBak = path.join(dir, '.park.gpkg.bak.0123456789ab.tmp');
    const young = path.join(dir, '.park.gpkg.ba9876543210.tmp');
    const other = path.join(dir, '.other.gpkg.0123456789ab.tmp');
    for (const file of [stale, staleBak, young, other]) await fs.writeFile(file, 'partial');
    const old = new Date(Date.now() - 10 * 60_000);
    for (const file of [stale, staleBak, other]) await fs.utimes(file, old, old);
    const outcome = await service().save(target, sampleDocument());
    expect(outcome.ok).toBe(true);
    expect((await fs.readdir(dir)).sort()).toEqual(['.other.gpkg.0123456789ab.tmp', '.park.gpkg.ba9876543210.tmp', 'park.gpkg']);
  });
});
