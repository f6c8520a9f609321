import { Outlet } from 'react-router';
import { AuthProvider } from './auth-provider';

/** Root route element of the staff app: session state around every page. */
export function AuthRoot() {
  return (
    <AuthProvider>
      <Outlet />
    </AuthProvider>
  );
}
