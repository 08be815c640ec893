// attachments.*: scans and photos kept under the data folder by their SHA-256 (server/attachment-store.ts).
import { attachmentContentType } from '../../db/complaints';
import type { HandlersOf, ProcedureContext } from './context';

export function attachmentProcedures(ctx: ProcedureContext): HandlersOf<'attachments'> {
  return {
    'attachments.upload': ({ filename, contentType, dataBase64 }) => {
      const maxBytes = ctx.settings().attachmentMaxMb * 1024 * 1024;
      return ctx.attachments.put(filename, contentType, Buffer.from(dataBase64, 'base64'), maxBytes);
    },
    'attachments.get': ({ sha256 }) => {
      const bytes = ctx.attachments.read(sha256);
      return { contentType: attachmentContentType(ctx.db, sha256) ?? 'application/octet-stream', dataBase64: bytes.toString('base64') };
    },
  };
}
