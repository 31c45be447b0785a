import { describe, expect, it } from "vitest";
import { LocalHashEmbeddings } from "../../src/embeddings/local.ts";

const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe("LocalHashEmbeddings", () => {
  const e = new LocalHashEmbeddings();

  it("is deterministic, unit length, of the configured size", async () => {
    const [a] = await e.embedDocuments(["The committee met on Saturday in Minsk."]);
    const b = await e.embedQuery("The committee met on Saturday in Minsk.");
    expect(a).toEqual(b);
    expect(a).toHaveLength(256);
    expect(Math.sqrt(dot(a!, a!))).toBeCloseTo(1, 5);
    expect(await new LocalHashEmbeddings({ dimensions: 64 }).embedQuery("x y z")).toHaveLength(64);
  });

  it("puts texts that share words, or their inflections, closer than unrelated ones", async () => {
    const q = await e.embedQuery("Who attended the meetings of the committee?");
    const near = await e.embedQuery("The committee meeting was attended by three ministers.");
    const far = await e.embedQuery("Rainfall in the valley doubled over the summer.");
    expect(dot(q, near)).toBeGreaterThan(dot(q, far) + 0.2);
  });

  it("embeds an empty text as a zero vector rather than failing", async () => {
    const v = await e.embedQuery("");
    expect(v.every((x) => x === 0)).toBe(true);
  });

  it("embeds at least 2,000 passages a second on one core", () => {
    const passage =
      "Belarusian leader Alexander Lukashenko has visited a jail run by the country's KGB security service to meet his jailed political opponents, ostensibly to discuss plans for constitutional reforms. ".repeat(
        5,
      );
    for (let i = 0; i < 200; i++) e.vector(`${passage} ${i}`); // warm-up
    const n = 3000;
    // CPU time of this thread, not wall time: other test files share the machine's cores.
    const t0 = process.cpuUsage();
    for (let i = 0; i < n; i++) e.vector(`${passage} ${i}`);
    const used = process.cpuUsage(t0);
    const perSecond = n / ((used.user + used.system) / 1e6);
    expect(perSecond).toBeGreaterThan(2000);
  });
});
