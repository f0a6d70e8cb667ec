/** The demo program's stages, in order. Each stage's seed file adds one line here. */
import type { AddElement } from "./elements";
import { seedSituation } from "./situation";
import { seedConsultations } from "./consultations";
import { seedGender } from "./gender";
import { seedLens } from "./lens";
import { seedStartup } from "./startup";
import { seedWorkingGroup } from "./working-group";
import { seedPassport } from "./passport";
import { seedStrategy } from "./strategy";
import { seedMonitoring } from "./monitoring";

export const demoStages: ((add: AddElement) => Promise<void>)[] = [
  seedStartup,
  seedWorkingGroup,
  seedPassport,
  seedLens,
  seedGender,
  seedSituation,
  seedConsultations,
  seedStrategy,
  seedMonitoring,
];
