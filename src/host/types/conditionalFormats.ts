/**
 * Conditional formats (ExcelApi 1.6): expression rules only (`Custom`), with
 * the fill, font colour and boldness they apply, stored in the sheet's data.
 */
import type { ConditionalFormatData, RangeTarget } from '../model/cells';
import { invalidArgument } from '../model/errors';
import { rectToA1 } from '../model/rangeAddress';
import type { Execution } from '../richApi/execution';
import { defineType, type TypeDef } from '../richApi/schema';

export const ConditionalFormatCollection: TypeDef<RangeTarget> = defineType<RangeTarget>({
  name: 'ConditionalFormatCollection',
  methods: {
    Add: {
      api: '1.6',
      returns: () => ConditionalFormat,
      call: (t, [type], x) => {
        if (type !== 'Custom')
          throw invalidArgument(`conditional format type '${String(type)}' is not modelled`);
        x.state.guard(t.sheet);
        const data: ConditionalFormatData = {
          range: rectToA1(t.rect),
          type: 'Custom',
          formula: null,
          fill: null,
          fontColor: null,
          bold: null,
        };
        t.sheet.conditionalFormats.push(data);
        x.journal.push(() => t.sheet.conditionalFormats.splice(t.sheet.conditionalFormats.indexOf(data), 1));
        x.changedSheets.add(t.sheet.name);
        return data;
      },
    },
  },
});

type CfKey = 'formula' | 'fill' | 'fontColor' | 'bold';

function cfSetting(key: CfKey) {
  return {
    get: (d: ConditionalFormatData) => d[key],
    set: (d: ConditionalFormatData, v: unknown, x: Execution) => {
      const old = d[key];
      (d as unknown as Record<CfKey, unknown>)[key] = v;
      x.journal.push(() => ((d as unknown as Record<CfKey, unknown>)[key] = old));
    },
  };
}

export const ConditionalFormat: TypeDef<ConditionalFormatData> = defineType<ConditionalFormatData>({
  name: 'ConditionalFormat',
  properties: { Type: { get: (d) => d.type } },
  navigations: {
    Custom: { type: () => CustomConditionalFormat, get: (d) => d },
  },
});

const CustomConditionalFormat: TypeDef<ConditionalFormatData> = defineType<ConditionalFormatData>({
  name: 'CustomConditionalFormat',
  navigations: {
    Rule: { type: () => ConditionalFormatRule, get: (d) => d },
    Format: { type: () => ConditionalRangeFormat, get: (d) => d },
  },
});

const ConditionalFormatRule: TypeDef<ConditionalFormatData> = defineType<ConditionalFormatData>({
  name: 'ConditionalFormatRule',
  properties: { Formula: cfSetting('formula') },
});

const ConditionalRangeFormat: TypeDef<ConditionalFormatData> = defineType<ConditionalFormatData>({
  name: 'ConditionalRangeFormat',
  navigations: {
    Fill: { type: () => ConditionalRangeFill, get: (d) => d },
    Font: { type: () => ConditionalRangeFont, get: (d) => d },
  },
});

const ConditionalRangeFill: TypeDef<ConditionalFormatData> = defineType<ConditionalFormatData>({
  name: 'ConditionalRangeFill',
  properties: { Color: cfSetting('fill') },
});

const ConditionalRangeFont: TypeDef<ConditionalFormatData> = defineType<ConditionalFormatData>({
  name: 'ConditionalRangeFont',
  properties: { Color: cfSetting('fontColor'), Bold: cfSetting('bold') },
});
