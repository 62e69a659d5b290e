/**
 * The object model's types by name, so that a type can name one defined in another module
 * without importing it (`Worksheet.getRange` returns a `Range`, `Range.worksheet` a `Worksheet`;
 * a sheet's charts and tables name the sheet back). A module that defines types imports no other
 * such module: it refers across with `typeRef('Range')`, and objectModel.ts, which imports them
 * all, registers each one here. `ObjectModel` fixes the names and each type's target, so a
 * reference to a name that is not there, or a registration of a type for the wrong target, does
 * not compile; a lookup before registration fails naming the type.
 */
import type { RangeTarget, SheetData } from '../model/cells';
import type { WorkbookState } from '../model/state';
import type { TypeDef, TypeRef } from '../richApi/schema';

/** Every type named outside its own module, with what its objects stand for. */
export interface ObjectModel {
  Range: RangeTarget;
  RangeFormat: RangeTarget;
  ConditionalFormatCollection: RangeTarget;
  Worksheet: SheetData;
  WorksheetProtection: SheetData;
  WorksheetFreezePanes: SheetData;
  PageLayout: SheetData;
  PageBreakCollection: SheetData;
  ChartCollection: SheetData;
  WorksheetTableCollection: SheetData;
  WorkbookTableCollection: WorkbookState;
}

export type TypeName = keyof ObjectModel;

/** One definition per name, each for its target. */
export type ObjectModelTypes = { readonly [N in TypeName]: TypeDef<ObjectModel[N]> };

const registered = new Map<TypeName, TypeDef<never>>();

/** Registers every named type (objectModel.ts, once its modules are loaded). */
export function registerTypes(types: ObjectModelTypes): void {
  for (const name of Object.keys(types) as TypeName[]) registered.set(name, types[name] as TypeDef<never>);
}

/** The type registered under `name`. */
export function lookupType<N extends TypeName>(name: N): TypeDef<ObjectModel[N]> {
  const type = registered.get(name);
  if (type === undefined) {
    throw new Error(
      `The host's type ${name} is not registered: types/objectModel.ts registers the object model when it is loaded`,
    );
  }
  return type as TypeDef<ObjectModel[N]>;
}

/** A reference to the type registered under `name`, looked up when a request reaches it. */
export function typeRef(name: TypeName): TypeRef {
  return () => lookupType(name) as TypeDef<never>;
}
