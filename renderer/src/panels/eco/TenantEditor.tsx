import { useState } from 'react';
import { searchSectors, sectorLabel } from '../../../../shared/eco/sectors';
import { attributeEditCommand } from '../../../../shared/editing/commands';
import { activeScenario } from '../../../../shared/model';
import { DEFAULT_SECTOR_SCHEME, SECTOR_SCHEMES, type LandUseFeature, type SectorScheme } from '../../../../shared/model/feature';
import { applyResult } from '../../drawing/edit-actions';
import { useT } from '../../i18n/use-t';
import { useDocumentStore } from '../../state/document-store';
import { useUiStore } from '../../state/ui-store';

/** Sector (searchable VSIC list), scheme, tenant name and employees of the one selected industrial plot. */
export function TenantEditor() {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const selectedIds = useUiStore((s) => s.selectedIds);
  const document = useDocumentStore((s) => s.document);
  const [query, setQuery] = useState('');
  const plot =
    document && selectedIds.length === 1
      ? (activeScenario(document).features.find((f) => f.id === selectedIds[0] && f.kind === 'landuse' && f.landUse === 'industrial') as LandUseFeature | undefined)
      : undefined;
  if (!document || !plot) return <p className="eco-note">{t('eco.tenant.selectPlot')}</p>;
  const scheme: SectorScheme = plot.sectorScheme ?? DEFAULT_SECTOR_SCHEME;
  const commit = (patch: Partial<Record<'sector' | 'sectorScheme' | 'tenant' | 'employees', unknown>>) =>
    applyResult(attributeEditCommand(document, document.activeScenarioId, [plot.id], patch, { label: t('eco.command.tenant') }));
  const matches = searchSectors(query, scheme, 30);
  const listId = `eco-sectors-${plot.id}`;
  return (
    <form className="eco-tenant" aria-label={t('eco.tenant.title')} onSubmit={(e) => e.preventDefault()}>
      <label htmlFor={`${listId}-input`}>{t('eco.tenant.sector')}</label>
      <input
        id={`${listId}-input`}
        list={listId}
        key={`${plot.id}:${plot.sector ?? ''}`}
        defaultValue={plot.sector ? sectorLabel(plot.sector, scheme, lang) : ''}
        onChange={(e) => setQuery(e.currentTarget.value)}
        onBlur={(e) => {
          // The code is the text's first word: picked from the list ("1103 Sản xuất bia…") or typed.
          const code = /^\d{2,5}/.exec(e.currentTarget.value.trim())?.[0];
          const cleared = e.currentTarget.value.trim() === '';
          if (cleared && plot.sector !== undefined) commit({ sector: undefined });
          else if (code && code !== plot.sector) commit({ sector: code });
        }}
      />
      <datalist id={listId}>
        {matches.map((m) => (
          <option key={m.code} value={`${m.code} ${m[lang]}`} />
        ))}
      </datalist>
      <label htmlFor={`${listId}-scheme`}>{t('eco.tenant.scheme')}</label>
      <select id={`${listId}-scheme`} value={scheme} onChange={(e) => commit({ sectorScheme: e.currentTarget.value })}>
        {SECTOR_SCHEMES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <label htmlFor={`${listId}-tenant`}>{t('eco.tenant.name')}</label>
      <input id={`${listId}-tenant`} key={`t:${plot.id}:${plot.tenant ?? ''}`} defaultValue={plot.tenant ?? ''} onBlur={(e) => e.currentTarget.value !== (plot.tenant ?? '') && commit({ tenant: e.currentTarget.value.trim() || undefined })} />
      <label htmlFor={`${listId}-employees`}>{t('eco.tenant.employees')}</label>
      <input
        id={`${listId}-employees`}
        type="number"
        min={0}
        step={1}
        key={`e:${plot.id}:${plot.employees ?? ''}`}
        defaultValue={plot.employees ?? ''}
        onBlur={(e) => {
          const raw = e.currentTarget.value;
          const value = raw === '' ? undefined : Math.round(Number(raw));
          if (value !== plot.employees && (value === undefined || (Number.isFinite(value) && value >= 0))) commit({ employees: value });
        }}
      />
    </form>
  );
}
