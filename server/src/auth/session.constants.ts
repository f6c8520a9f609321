export const SESSION_COOKIE = 'mprc_session';
