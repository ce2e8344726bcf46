import { FIELD_KINDS } from "../../../src/engine/read/values";
import { MemberStore, VALUE_FIELDS, newValues } from "../../../src/engine/read/member-store";

function sample(field: string, slot: number): unknown {
  switch (FIELD_KINDS[field as keyof typeof FIELD_KINDS]) {
    case "yesno":
    case "yesOrDate":
      return slot % 2 === 0;
    case "category":
      return "预备党员";
    case "grade":
      return "基本合格";
    case "batch":
      return "第二批";
    default:
      return slot + 0.5;
  }
}

describe("the members' value store", () => {
  it("holds every value field, each in its own column", () => {
    expect(VALUE_FIELDS).toEqual(Object.keys(newValues()));
    const store = new MemberStore(3);
    VALUE_FIELDS.forEach((field, slot) => store.set(1, slot, sample(field, slot)));
    const view = store.view(1) as unknown as Record<string, unknown>;
    const blank = store.view(0) as unknown as Record<string, unknown>;
    VALUE_FIELDS.forEach((field, slot) => {
      expect([field, view[field]]).toEqual([field, sample(field, slot)]);
      expect([field, blank[field]]).toEqual([field, undefined]);
    });
    expect(store.copy(1)).toEqual(Object.fromEntries(VALUE_FIELDS.map((field, slot) => [field, sample(field, slot)])));
  });

  it("keeps blank apart from 0 and from no", () => {
    const store = new MemberStore(2);
    const hours = VALUE_FIELDS.indexOf("studyHours");
    const approved = VALUE_FIELDS.indexOf("approved");
    store.set(0, hours, 0);
    store.set(0, approved, false);
    expect([store.view(0).studyHours, store.view(0).approved]).toEqual([0, false]);
    expect([store.view(1).studyHours, store.view(1).approved]).toEqual([undefined, undefined]);
  });
});
