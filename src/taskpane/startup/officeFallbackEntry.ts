/** The ES5 Office.js fallback script's entry (see officeFallback.ts). */
import { loadLocalOfficeWhenMissing } from "./officeFallback";

loadLocalOfficeWhenMissing(window, document);
