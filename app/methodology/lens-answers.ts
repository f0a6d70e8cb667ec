/**
 * The four answers every inclusive-lens question takes. Its own module (schema.ts re-exports it)
 * so the lens pages' client code can use the list without the whole template schema.
 */
export const lensAnswerIds = ["yes", "partly", "no", "no_data"] as const;
export type LensAnswerId = (typeof lensAnswerIds)[number];
