/**
 * The Electron fuses issue 11 asks for, written out here from the issue's own words ("run-as-node
 * off, cookie encryption on, node options and inspect arguments off, ASAR integrity on"), plus
 * only-load-from-asar (without it the integrity check can be sidestepped by a resources/app
 * folder) and no extra privileges for file: pages (the app is served from app://).
 * Keys are electron-builder's `electronFuses` names; `wireIndex` is the fuse's position in
 * Electron's fuse wire (FuseV1Options in @electron/fuses, electron/build/fuses/fuses.json5).
 */
export const REQUIRED_FUSES = [
  { key: 'runAsNode', wireIndex: 0, enabled: false },
  { key: 'enableCookieEncryption', wireIndex: 1, enabled: true },
  { key: 'enableNodeOptionsEnvironmentVariable', wireIndex: 2, enabled: false },
  { key: 'enableNodeCliInspectArguments', wireIndex: 3, enabled: false },
  { key: 'enableEmbeddedAsarIntegrityValidation', wireIndex: 4, enabled: true },
  { key: 'onlyLoadAppFromAsar', wireIndex: 5, enabled: true },
  { key: 'grantFileProtocolExtraPrivileges', wireIndex: 7, enabled: false },
] as const;

/** Bytes of a fuse's state in the wire: ASCII '0' (off) and '1' (on). */
export const FUSE_OFF = 0x30;
export const FUSE_ON = 0x31;
