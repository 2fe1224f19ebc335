import type { Map as MapLibreMap } from 'maplibre-gl';
import { attachLabelPoints } from './label-points';
import { attachSolarLayer } from '../panels/solar/solar-map-layer';
import { attachDrawingTools, attachEditing } from '../drawing/maplibre-adapter';
import { attachRoadCorridors } from '../drawing/road-corridors-layer';
import { attachIssueMarkers } from '../drawing/issue-markers-layer';
import { attachImportPreview } from '../exchange/import-preview-layer';
import { attachSubdividePreview } from '../drawing/subdivide-preview-layer';
import { attachRuleFailureSegments } from '../panels/analysis/rule-failures-layer';
import { attachOverlays } from '../overlay/overlay-map-layer';
import { attachEcoFlows } from './eco-flows-layer';
import { attachEntrancePick } from '../panels/layout/entrance-pick';

/**
 * Extra map layers owned by a capability (solar roof colours, analysis highlights, drawing
 * previews). Each is attached once the map's style is loaded and returns its detach function.
 */
export type MapExtension = (map: MapLibreMap) => () => void;

export const MAP_EXTENSIONS: MapExtension[] = [attachLabelPoints, attachRoadCorridors, attachSolarLayer, attachRuleFailureSegments, attachIssueMarkers, attachOverlays, attachEcoFlows, attachDrawingTools, attachEditing, attachImportPreview, attachSubdividePreview, attachEntrancePick];
