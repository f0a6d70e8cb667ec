/** The demo program's stages, in order. Each stage's seed file adds one line here. */
import type { AddElement } from "./elements";
import { seedStartup } from "./startup";

export const demoStages: ((add: AddElement) => Promise<void>)[] = [seedStartup];
