import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { SaxesParser, type SaxesTagPlain } from "saxes";

export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void;
  text?(text: string): void;
  close(name: string): void;
}

/** An element's name without its namespace prefix ("x:row" → "row"). */
export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * Feeds an XML part through saxes chunk by chunk, calling the handlers with local names; a part
 * that is not well-formed (cut off, broken) or has a DOCTYPE throws. Nothing of the part is kept.
 */
export async function parseXml(stream: Readable, handlers: XmlHandlers): Promise<void> {
  const parser = new SaxesParser();
  let failure: Error | null = null;
  parser.on("error", (error) => {
    failure ??= error;
  });
  // a package part never has a DOCTYPE; its entities are not expanded, and it is never copied into OUT
  parser.on("doctype", () => {
    failure ??= new Error("DOCTYPE in a package part");
  });
  parser.on("opentag", (tag: SaxesTagPlain) => handlers.open(localName(tag.name), tag.attributes));
  parser.on("closetag", (tag: SaxesTagPlain) => handlers.close(localName(tag.name)));
  if (handlers.text) parser.on("text", handlers.text);
  const decoder = new StringDecoder("utf8");
  let first = true;
  for await (const chunk of stream) {
    let text = decoder.write(chunk as Buffer);
    if (first && text.length > 0) {
      text = text.replace(/^\uFEFF/, "");
      first = false;
    }
    parser.write(text);
    if (failure) throw failure;
  }
  parser.write(decoder.end());
  parser.close();
  if (failure) throw failure;
}

/** The value of `r:id` (whatever the relationships prefix is called). */
export function relationshipId(attributes: Record<string, string>): string | undefined {
  for (const name in attributes) if (name === "r:id" || (name.endsWith(":id") && name !== "xml:id")) return attributes[name];
  return undefined;
}
