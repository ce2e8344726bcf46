import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import * as path from "node:path";
import type { WorkbookInput } from "../../src/engine/types";
import { runEngine } from "../engine";
import { hotFunctions, type HotFunction } from "./summarise";

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))));
}

/** CPU profile of one evaluateWorkbook call (after a warm-up call): the file and its hottest functions. */
export async function profileEngine(input: WorkbookInput, dir: string, members: number): Promise<{ file: string; hot: HotFunction[] }> {
  runEngine(input);
  const session = new Session();
  session.connect();
  try {
    await post(session, "Profiler.enable");
    await post(session, "Profiler.setSamplingInterval", { interval: 500 });
    await post(session, "Profiler.start");
    runEngine(input);
    const { profile } = await post<{ profile: object }>(session, "Profiler.stop");
    const file = path.join(dir, `engine-${members}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    return { file, hot: hotFunctions(file, 12) };
  } finally {
    session.disconnect();
  }
}
