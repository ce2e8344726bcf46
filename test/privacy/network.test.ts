import dgram from "node:dgram";
import dns from "node:dns";
import http from "node:http";
import http2 from "node:http2";
import https from "node:https";
import net from "node:net";
import tls from "node:tls";
import { existsSync } from "node:fs";
import { cli, tempDir } from "../cli/helpers";
import { writeUnit } from "./fixtures";

/**
 * No part of the command line opens a connection: with every way out of the process made to
 * throw (and recorded), evaluate, export, consolidate and rules still do their work.
 */

type Target = Record<string, unknown>;
const attempts: string[] = [];
const restore: (() => void)[] = [];

function forbid(target: Target, key: string, label: string): void {
  const original = target[key];
  if (typeof original !== "function") return;
  target[key] = function forbidden(): never {
    attempts.push(label);
    throw new Error(`network use is forbidden: ${label}`);
  };
  restore.push(() => (target[key] = original));
}

beforeAll(() => {
  const asTarget = (o: unknown) => o as Target;
  for (const key of ["connect", "createConnection", "createServer"]) forbid(asTarget(net), key, `net.${key}`);
  forbid(asTarget(net.Socket.prototype), "connect", "net.Socket#connect");
  for (const key of ["request", "get", "createServer"]) {
    forbid(asTarget(http), key, `http.${key}`);
    forbid(asTarget(https), key, `https.${key}`);
  }
  forbid(asTarget(http2), "connect", "http2.connect");
  forbid(asTarget(tls), "connect", "tls.connect");
  forbid(asTarget(dgram), "createSocket", "dgram.createSocket");
  for (const key of ["lookup", "resolve", "resolve4", "resolve6", "resolveAny", "lookupService"]) {
    forbid(asTarget(dns), key, `dns.${key}`);
    forbid(asTarget(dns.promises), key, `dns.promises.${key}`);
  }
  forbid(asTarget(globalThis), "fetch", "fetch");
  forbid(asTarget(globalThis), "WebSocket", "WebSocket");
});
afterAll(() => {
  for (const undo of restore.reverse()) undo();
});

describe("the command line offline", () => {
  it("the guards do catch a connection attempt", () => {
    expect(() => net.connect(80, "127.0.0.1")).toThrow(/forbidden/);
    expect(() => http.get("http://127.0.0.1/")).toThrow(/forbidden/);
    expect(() => dns.lookup("localhost", () => undefined)).toThrow(/forbidden/);
    expect(attempts).toEqual(["net.connect", "http.get", "dns.lookup"]);
    attempts.length = 0;
  });

  it("evaluates, exports, consolidates and prints the rules without opening a socket", async () => {
    const tmp = tempDir();
    try {
      const input = tmp.file("单位.xlsx");
      await writeUnit(input);
      const out = tmp.file("单位-结果.xlsx");
      const report = tmp.file("明细.json");
      const runs = [
        await cli("evaluate", input, "-o", out, "--report", report, "--today", "2025-03-25", "--unit", "县财政局"),
        await cli("export", out, "-o", tmp.file("汇总.xlsx"), "--with-issues"),
        await cli("consolidate", tmp.file("汇总.xlsx"), "-o", tmp.file("合并.xlsx"), "--unit", "县委组织部"),
        await cli("rules", "--print"),
        await cli("evaluate", tmp.file("没有.xlsx"), "-o", tmp.file("x.xlsx")),
      ];
      expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0, 2]);
      expect(runs.slice(0, 4).map((r) => r.stderr)).toEqual(["", "", "", ""]);
      for (const file of ["单位-结果.xlsx", "明细.json", "汇总.xlsx", "合并.xlsx"]) expect([file, existsSync(tmp.file(file))]).toEqual([file, true]);
      expect(attempts).toEqual([]);
    } finally {
      tmp.cleanup();
    }
  }, 60_000);
});
