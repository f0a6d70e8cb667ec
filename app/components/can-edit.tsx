import { createContext, useContext } from "react";

/** Whether the signed-in user may edit the program on screen; set by the program layout. */
const CanEditContext = createContext(true);
export const CanEditProvider = CanEditContext.Provider;
export const useCanEdit = () => useContext(CanEditContext);

/**
 * Fields of a form the user may send even where they may not edit the program: a comment, a
 * workflow step, a finding. Inside it the field components stay inputs; elsewhere on a page a
 * role that cannot edit sees the program's data as text.
 */
export function OpenToRole({ children }: { children: React.ReactNode }) {
  return <CanEditProvider value={true}>{children}</CanEditProvider>;
}
