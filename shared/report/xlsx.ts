import { writeXlsx, type XlsxCell } from '../io/spreadsheet';
import { rawCell, reportTables } from './csv';
import type { ReportModel, ReportTable } from './types';

// Style ids of styles.xml: 0 default, 1 bold header, 2–6 numbers with 0–4 decimals, 7 title.
const numStyle = (digits: number) => 2 + Math.min(Math.max(digits, 0), 4);

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="4"><numFmt numFmtId="164" formatCode="#,##0.0"/><numFmt numFmtId="165" formatCode="#,##0.000"/><numFmt numFmtId="166" formatCode="#,##0.0000"/><numFmt numFmtId="167" formatCode="#,##0.00"/></numFmts>
<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="13"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="8">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

const TITLE_STYLE = 7;
const HEADER_STYLE = 1;

/** A report table as a sheet: its title, its header row (both kept in view), then its rows. */
function sheetRows(t: ReportTable, lang: ReportModel['meta']['lang']): XlsxCell[][] {
  return [
    [{ v: t.title, style: TITLE_STYLE }],
    t.columns.map((c) => ({ v: c.header, style: HEADER_STYLE })),
    ...t.rows.map((row) => row.map((cell): XlsxCell => {
      const v = rawCell(cell, lang);
      return typeof v === 'number' ? { v, style: numStyle(cell.t === 'num' ? cell.digits : 0) } : { v };
    })),
  ];
}

/**
 * The report as an XLSX workbook (one sheet per table; numbers as numeric cells with a display
 * format of their decimals; text as inline strings), through the one XLSX writer.
 */
export function renderReportXlsx(m: ReportModel): Uint8Array {
  return writeXlsx({
    sheets: reportTables(m).map((t) => ({
      name: t.id,
      rows: sheetRows(t, m.meta.lang),
      columnWidths: t.columns.map((c) => Math.round(Math.min(60, 9 + c.weight * 8))),
      frozenRows: 2,
    })),
    stylesXml: STYLES,
    properties: { title: `${m.meta.title} — ${m.meta.parkName} — ${m.meta.scenarioName}`, creator: m.meta.author || 'EcoPark Planner', createdIsoDate: m.meta.date },
  });
}
