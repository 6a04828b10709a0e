/**
 * `npm run walkthrough`: builds Casebook and runs it against the emulator in the terminal, printing what a person
 * would see in Sheets. (The playground issue turns this into a browser playground; until then it walks
 * through the slice: open the tracker, read the add-on menu, open About, and answer its server call.)
 */
import {
  callServerFunction,
  clickMenuItem,
  createWorkspace,
  installAddon,
  openSpreadsheet,
} from '../emulator';
import { build } from './build';

function describeLedger(ws: ReturnType<typeof createWorkspace>): string {
  const calls = Object.entries(ws.ledger.byMember())
    .map(([member, count]) => `${member} x${count}`)
    .join(', ');
  return `${ws.ledger.count()} service calls (${calls}), modelled Apps Script time ${Math.round(ws.ledger.modelledMs())} ms`;
}

async function main(): Promise<void> {
  const { functionNames, pages } = await build();
  console.log(`Built build/Code.js (${functionNames.join(', ')}) and pages: ${pages.join(', ')}\n`);

  const owner = 'lead@governance.example';
  const ops = 'ana.ops@governance.example';
  const ws = createWorkspace({
    users: [
      { email: owner, name: 'Team lead' },
      { email: ops, name: 'Ana (ops)' },
    ],
  });
  const tracker = ws.createSpreadsheet({ name: 'EU LIVE governance tracker', owner });
  ws.shareSpreadsheet(tracker.id, ops);
  const session = { user: ops, spreadsheetId: tracker.id };

  console.log(`1. ${ops} opens "${tracker.name}" before using the add-on (onOpen in AuthMode.NONE)`);
  const menus = openSpreadsheet(ws, { ...session, authMode: 'NONE' });
  for (const menu of menus) {
    console.log(`   Extensions > ${menu.caption}: ${menu.items.map((i) => i.caption ?? '---').join(' | ')}`);
  }
  console.log(`   ${describeLedger(ws)}\n`);

  ws.ledger.reset();
  console.log('2. The add-on is installed (onInstall in FULL calls onOpen)');
  installAddon(ws, session);
  console.log(`   ${describeLedger(ws)}\n`);

  ws.ledger.reset();
  console.log('3. Extensions > Casebook > About Casebook');
  clickMenuItem(ws, { ...session, caption: 'About Casebook' });
  const sidebar = ws.ui.shown.at(-1);
  console.log(
    `   Sidebar "${sidebar?.title}" shown to ${sidebar?.user} (${sidebar?.html.length} bytes of self-contained HTML)`,
  );
  console.log(`   ${describeLedger(ws)}\n`);

  ws.ledger.reset();
  console.log('4. The sidebar calls google.script.run.getAboutInfo()');
  const reply = callServerFunction(ws, session, 'getAboutInfo', []);
  console.log(`   ${JSON.stringify(reply)}`);
  console.log(`   ${describeLedger(ws)}\n`);

  console.log(
    "5. A page passing a Date breaks Apps Script's rules, and the bridge refuses it like Apps Script:",
  );
  console.log(
    `   ${JSON.stringify(callServerFunction(ws, session, 'getAboutInfo', [new Date(ws.clock.now())]))}\n`,
  );

  console.log(
    '6. The team lead sets the tracker up (twice: the second run changes nothing), then validates it',
  );
  const lead = { user: owner, spreadsheetId: tracker.id };
  openSpreadsheet(ws, lead);
  for (const caption of ['Set up tracker', 'Set up tracker', 'Validate library']) {
    ws.ledger.reset();
    const answer = clickMenuItem(ws, { ...lead, caption });
    const said = typeof answer === 'string' ? answer : (answer as { message: string }).message;
    console.log(`   ${caption}: ${said}`);
    console.log(`   ${describeLedger(ws).replace(/ \(.*\)/, '')}`);
  }
  console.log(`   Tabs now: ${tracker.sheets.map((s) => s.name).join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
