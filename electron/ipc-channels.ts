/**
 * Names of the IPC channels between the preload and the main process. One list, imported by
 * both sides, so a renamed channel is a compile error rather than a silent hang.
 */
export const IPC_CHANNELS = {
  openProject: 'ecopark:open-project',
  saveProject: 'ecopark:save-project',
  resetFile: 'ecopark:reset-file',
  listRecent: 'ecopark:list-recent',
  /** A .gpkg dropped on the window, by its path (from webUtils.getPathForFile in the preload). */
  openDroppedPath: 'ecopark:open-dropped-path',
  revertProject: 'ecopark:revert-project',
  writeRecovery: 'ecopark:write-recovery',
  clearRecovery: 'ecopark:clear-recovery',
  listRecoveries: 'ecopark:list-recoveries',
  recoverProject: 'ecopark:recover-project',
  discardRecovery: 'ecopark:discard-recovery',
  /** Offline basemap file (electron/tile-file-service.ts). */
  chooseTileFile: 'ecopark:choose-tile-file',
  currentTileFile: 'ecopark:current-tile-file',
  forgetTileFile: 'ecopark:forget-tile-file',
  readTile: 'ecopark:read-tile',
  /** Fire-and-forget (ipcRenderer.send): HostApi.setDocumentState returns void. */
  setDocumentState: 'ecopark:set-document-state',
  /** Main → renderer: a MenuCommand string. */
  menuCommand: 'ecopark:menu-command',
} as const;

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];
