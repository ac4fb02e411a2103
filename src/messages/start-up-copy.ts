/** What `npm start` and `npm run chat` say on the console before the desk is up. */
export interface DeskHolder {
  pid: number;
  host: string;
  url?: string;
}

const where = (holder: DeskHolder, here: string) =>
  `pid ${holder.pid}${holder.host === here ? '' : ` on ${holder.host}`}${holder.url ? `, at ${holder.url}` : ', still starting'}`;

export const startUpCopy = {
  dataDirInUse: (dataDir: string, holder: DeskHolder, here: string) =>
    `Tierdesk could not start: another desk is already using the data folder ${dataDir} (${where(holder, here)}). ` +
    'One desk per data folder keeps every ticket: chat with that one (npm run chat finds it), stop it first, ' +
    'or give this one its own folder with DATA_DIR (or a shared database with DATABASE_URL).',
  waitingForDesk: (dataDir: string, holder: DeskHolder, here: string) =>
    `The desk using ${dataDir} (${where(holder, here)}) is starting; waiting for it…`,
  nothingAt: (url: string) => `Nothing answers at ${url}.`,
  portInUse: 'Tierdesk could not start: the port is already in use. Stop the other process or set PORT.',
};
