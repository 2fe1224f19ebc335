import { describe, expect, it } from 'vitest';
import { sharedFields, TENANT_FIELDS } from '../../../renderer/src/drawing/attribute-edit';
import { attributeEditCommand } from '../../../shared/editing/commands';
import { applyCommand } from '../../../shared/model/command';
import type { LandUseFeature } from '../../../shared/model/feature';
import { park } from '../eco/eco-park';

describe('the tenant attributes in the Properties panel (issue 16)', () => {
  const doc = park();
  const features = doc.scenarios[0].features;
  const garments = features.find((f) => f.name === 'Garments')!;
  const wwtp = features.find((f) => f.id === 'wwtp')!;

  it('are offered for industrial plots only', () => {
    expect(TENANT_FIELDS).toEqual(['sector', 'sectorScheme', 'tenant', 'employees', 'measuredElectricityMwhPerYear', 'measuredWaterM3PerDay']);
    expect(sharedFields([garments])).toEqual(expect.arrayContaining([...TENANT_FIELDS]));
    // A technical plot (the WWTP) or a mixed selection with one has no tenant.
    expect(sharedFields([wwtp]).filter((f) => TENANT_FIELDS.includes(f))).toEqual([]);
    expect(sharedFields([garments, wwtp]).filter((f) => TENANT_FIELDS.includes(f))).toEqual([]);
  });

  it('are edited as one undoable command, and a bad sector code is refused with the field named', () => {
    const edit = attributeEditCommand(doc, doc.activeScenarioId, [garments.id], { tenant: 'May Đáp Cầu', employees: 1200, measuredWaterM3PerDay: 85.5, sectorScheme: 'VSIC2018' });
    if (!edit.ok) throw new Error(edit.reason);
    const applied = applyCommand(doc, edit.command);
    const after = applied.document.scenarios[0].features.find((f) => f.id === garments.id) as LandUseFeature;
    expect([after.tenant, after.employees, after.measuredWaterM3PerDay, after.sectorScheme, after.sector]).toEqual(['May Đáp Cầu', 1200, 85.5, 'VSIC2018', '1410']);
    const undone = applyCommand(applied.document, applied.inverse).document;
    expect(undone.scenarios[0].features.find((f) => f.id === garments.id)).toEqual(garments);
    const bad = attributeEditCommand(doc, doc.activeScenarioId, [garments.id], { sector: 'garments' });
    expect(bad).toMatchObject({ ok: false, reason: 'invalid_value', message: 'sector: expected a VSIC code of 2 to 5 digits' });
  });
});
