/** config/names.ts: resource-name parts that stay distinct within a stack. */
import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keyResourceName, nameHash, uniqueNames, uniqueSlugs } from "../../config/names";
import { slug } from "../../config/paths";

const sha8 = (v: string) => createHash("sha256").update(v).digest("hex").slice(0, 8);

describe("uniqueSlugs", () => {
  it("keeps the plain slug of a value no other value shares", () => {
    expect([...uniqueSlugs(["https://portal.example.com", "http://localhost:8080"])]).toEqual([
      ["https://portal.example.com", "https-portal-example-com"],
      ["http://localhost:8080", "http-localhost-8080"],
    ]);
  });

  it("appends 8 hex of sha256(value) to every value of a colliding group, and only to those", () => {
    const names = uniqueSlugs(["https://a-b.example.com", "https://a.b.example.com", "https://c.example.com"]);
    expect(names.get("https://a-b.example.com")).toBe(`https-a-b-example-com-${sha8("https://a-b.example.com")}`);
    expect(names.get("https://a.b.example.com")).toBe(`https-a-b-example-com-${sha8("https://a.b.example.com")}`);
    expect(names.get("https://c.example.com")).toBe("https-c-example-com");
    expect(nameHash("https://a-b.example.com")).toBe("d5caa954");
  });

  it("treats a value listed twice as one value", () => {
    expect([...uniqueSlugs(["https://x.example.com", "https://x.example.com"])]).toEqual([["https://x.example.com", "https-x-example-com"]]);
  });

  it("suffixes a value whose plain slug equals another's suffixed name, too", () => {
    const suffixed = `a-b-${sha8("a-b")}`;
    const names = uniqueSlugs(["a-b", "a.b", suffixed]);
    expect(new Set(names.values()).size).toBe(3);
    expect(names.get("a-b")).toBe(suffixed);
    expect(names.get(suffixed)).toBe(`${suffixed}-${sha8(suffixed)}`);
  });

  it("is injective, independent of order, and plain wherever a slug is unique (property)", () => {
    const value = fc.stringMatching(/^[a-cA-C.\-]{1,5}$/);
    fc.assert(
      fc.property(fc.uniqueArray(value, { maxLength: 12 }), (values) => {
        const names = uniqueSlugs(values);
        expect(new Set(names.values()).size).toBe(values.length);
        expect([...uniqueSlugs([...values].reverse())].sort()).toEqual([...names].sort());
        // (Values of at most 5 characters cannot meet an 8-hex suffix, so a unique slug stays plain.)
        for (const v of values) if (values.filter((o) => slug(o) === slug(v)).length === 1) expect(names.get(v)).toBe(slug(v));
      }),
    );
  });
});

describe("uniqueNames", () => {
  it("hashes the identity, not the plain name", () => {
    const names = uniqueNames([
      { id: '["a-b","c"]', plain: "custom-a-b-c" },
      { id: '["a","b-c"]', plain: "custom-a-b-c" },
    ]);
    expect([...names.values()]).toEqual([`custom-a-b-c-${sha8('["a-b","c"]')}`, `custom-a-b-c-${sha8('["a","b-c"]')}`]);
  });
});

describe("keyResourceName", () => {
  it("is `<app>-key-<kid slug>`, so `x` + `y-key-z` and `x-key-y` + `z` meet", () => {
    expect(keyResourceName("bot", "2026.11")).toBe("bot-key-2026-11");
    expect(keyResourceName("x", "y-key-z")).toBe(keyResourceName("x-key-y", "z"));
  });
});
