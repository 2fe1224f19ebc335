import { memo, type ComponentType } from 'react';
import type { MessageKey } from '../i18n/strings';
import { SolarPanel } from './solar/SolarPanel';
import { LandUsePanel } from './analysis/LandUsePanel';
import { CompliancePanel } from './analysis/CompliancePanel';
import { PlotsPanel } from './analysis/PlotsPanel';
import { ComparePanel } from './compare/ComparePanel';
import { EcoPanel } from './eco/EcoPanel';
import { OverlayPanel } from '../overlay/OverlayPanel';
import { LayoutPanel } from './layout/LayoutPanel';

/**
 * The tabs of the side panel beside "Properties". Each capability (analysis, solar, …) adds
 * its panel here; the side panel renders them as tabs with their accessible names.
 */
export interface SidePanelEntry {
  id: string;
  /** i18n key of the tab label and the panel's region name. */
  titleKey: MessageKey;
  Component: ComponentType;
}

// Memoised: the side panel re-renders on every selection (it brings Properties forward), and a
// panel without props then re-renders only for the stores it reads itself.
export const SIDE_PANELS: SidePanelEntry[] = (
  [
    { id: 'land-use-structure', titleKey: 'analysis.landUseTitle', Component: LandUsePanel },
    { id: 'compliance', titleKey: 'analysis.complianceTitle', Component: CompliancePanel },
    { id: 'plots', titleKey: 'analysis.plotsTitle', Component: PlotsPanel },
    { id: 'solar', titleKey: 'solar.title', Component: SolarPanel },
    { id: 'eco', titleKey: 'eco.title', Component: EcoPanel },
    { id: 'layout', titleKey: 'layout.title', Component: LayoutPanel },
    { id: 'compare', titleKey: 'compare.title', Component: ComparePanel },
    { id: 'overlays', titleKey: 'overlay.title', Component: OverlayPanel },
  ] satisfies SidePanelEntry[]
).map((entry) => ({ ...entry, Component: memo(entry.Component) }));
