// The signed-in pages are a separate chunk: the first page (sign-in) does not carry them. The
// sign-in form starts this download while the server checks the code.
export const loadPortal = () => import('../portal/portal');
