/** The ES5 start-up script's entry (see legacy.ts). */
import { installLegacyCheck } from "./legacy";

installLegacyCheck(window, document);
