/** The app shell: boots the engine connection, then shows the boot, welcome or case screen. */
import { useEffect, type ReactNode } from 'react';
import { boot } from './actions/caseActions';
import { listenToEngine } from './actions/serverEvents';
import { NoticeStack } from './components/NoticeStack';
import { useAppStore } from './store/store';
import { BootScreen } from './views/BootScreen';
import { CaseScreen } from './views/CaseScreen';
import { DropTarget } from './views/DropTarget';
import { ImportDialog } from './views/import/ImportDialog';
import { VerifyDialog } from './views/integrity/VerifyDialog';
import { Welcome } from './views/Welcome';

export function App(): ReactNode {
  const screen = useAppStore((s) => s.screen);
  const importOpen = useAppStore((s) => s.importOpen);
  const verifyOpen = useAppStore((s) => s.verifyOpen);

  useEffect(() => {
    const stop = listenToEngine();
    void boot();
    return stop;
  }, []);

  return (
    <div className="app" data-testid="app" data-screen={screen}>
      {screen === 'booting' && <BootScreen />}
      {screen === 'welcome' && <Welcome />}
      {screen === 'case' && <CaseScreen />}
      {importOpen && screen === 'case' && <ImportDialog />}
      {verifyOpen && screen === 'case' && <VerifyDialog />}
      <DropTarget />
      <NoticeStack />
    </div>
  );
}
