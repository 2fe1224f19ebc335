import type { ComponentType } from 'react';
import type { MessageKey } from '../i18n/strings';
import { SolarPanel } from './solar/SolarPanel';

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

export const SIDE_PANELS: SidePanelEntry[] = [{ id: 'solar', titleKey: 'solar.title', Component: SolarPanel }];
