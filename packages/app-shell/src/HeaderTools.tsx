import type { SignIn } from './auth/useSignedIn.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { UserMenu } from './UserMenu.js';

export interface HeaderToolsProps {
  signIn: SignIn;
  /** How to leave for the login page; tests pass a spy. */
  redirect: (url: string) => void;
  /** Where the login page sends the next user who signs in after signing out. */
  returnTo: string;
}

/** The header's end, the same in both apps: the language switch and, once signed in, the user menu. */
export function HeaderTools({ signIn, redirect, returnTo }: HeaderToolsProps) {
  return (
    <>
      <span className="toolbar-spacer" />
      <LanguageSwitch />
      {signIn.status === 'signedIn' && <UserMenu user={signIn.user} redirect={redirect} returnTo={returnTo} />}
    </>
  );
}
