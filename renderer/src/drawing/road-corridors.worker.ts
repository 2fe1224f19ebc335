/// <reference lib="webworker" />
import { mergeCorridors } from '../../../shared/geometry/road-corridor';
import type { CorridorRequest, CorridorResponse } from './road-corridors-layer';

/** The merged road surface of a large park, off the page's main thread (a road grid's union takes a second). */
self.onmessage = (event: MessageEvent<CorridorRequest>) => {
  const { seq, roads } = event.data;
  try {
    self.postMessage({ seq, merged: mergeCorridors(roads) } satisfies CorridorResponse);
  } catch {
    self.postMessage({ seq, merged: null } satisfies CorridorResponse);
  }
};
