import { createContext, useContext } from "react";

/** Whether the signed-in user may edit the program on screen; set by the program layout. */
const CanEditContext = createContext(true);
export const CanEditProvider = CanEditContext.Provider;
export const useCanEdit = () => useContext(CanEditContext);
