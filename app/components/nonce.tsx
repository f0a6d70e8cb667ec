import { createContext, useContext } from "react";

/** Carries the per-request CSP nonce into <Scripts> during the server render. */
const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext) || undefined;
