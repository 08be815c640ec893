// attachments.*: scans and photos kept under the data folder by their SHA-256 (server/attachment-store.ts).
// A file of a protected complaint (a signed letter, a photo of the slip) may show who reported:
// opening it leaves an audit row.
import { attachmentContentType, protectedHoldersOf } from '../../db/complaints';
import type { HandlersOf, ProcedureContext } from './context';

export function attachmentProcedures(ctx: ProcedureContext): HandlersOf<'attachments'> {
  return {
    'attachments.upload': ({ filename, contentType, dataBase64 }) => {
      const maxBytes = ctx.settings().attachmentMaxMb * 1024 * 1024;
      return ctx.attachments.put(filename, contentType, Buffer.from(dataBase64, 'base64'), maxBytes);
    },
    'attachments.get': ({ sha256 }, { caller }) => {
      const bytes = ctx.attachments.read(sha256);
      const holders = protectedHoldersOf(ctx.db, sha256);
      if (holders.length) ctx.auditShown(caller, 'lihat', 'attachments.get', holders.map((h) => h.registrationNo).join(', '), { complaintIds: holders.map((h) => h.id), attachment: sha256 });
      return { contentType: attachmentContentType(ctx.db, sha256) ?? 'application/octet-stream', dataBase64: bytes.toString('base64') };
    },
  };
}
