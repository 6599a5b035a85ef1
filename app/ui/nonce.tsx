import { createContext, useContext } from 'react';

/** The per-request CSP nonce, provided in entry.server and read by root for <Scripts>. */
const NonceContext = createContext<string>('');

export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
