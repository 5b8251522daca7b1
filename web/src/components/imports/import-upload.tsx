import { useState, type FormEvent } from 'react';
import { IMPORT_KIND_NAMES, type ImportKind, type ImportMode } from '@talentmap/core';
import { ACCEPTED_EXTENSIONS, acceptsFile, formatBytes } from './import-labels';
import { ImportModeField } from './import-mode-field';
import { ImportTemplateLinks } from './import-template-links';
import { UploadProgress } from './upload-progress';
import { uploadErrorMessage, useStartImport } from './use-imports';

export interface ImportUploadProps {
  /** the kinds the account may import (at least one) */
  kinds: readonly ImportKind[];
  /** told the new job's id once the server has taken the file */
  onStarted: (id: number) => void;
}

/** Choose what to import and how, fetch the template, pick the file and send it (with its progress). */
export function ImportUpload({ kinds, onStarted }: ImportUploadProps) {
  const [kind, setKind] = useState<ImportKind>(kinds[0]!);
  const [mode, setMode] = useState<ImportMode>('all-or-nothing');
  const [file, setFile] = useState<File | null>(null);
  // a new key empties the file input once its file is on the server
  const [sent, setSent] = useState(0);
  const { mutation, progress, cancel } = useStartImport((id) => {
    setFile(null);
    setSent((n) => n + 1);
    onStarted(id);
  });
  const chosen = kinds.includes(kind) ? kind : kinds[0]!;
  const badFile = file !== null && !acceptsFile(file.name);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file && !badFile) mutation.mutate({ kind: chosen, mode, file });
  };
  const busy = mutation.isPending;
  return (
    <form className="import-upload" onSubmit={submit} aria-labelledby="import-upload-title" data-testid="import-upload">
      <h3 id="import-upload-title" className="section-title">
        上传文件
      </h3>
      <label className="field field--inline" htmlFor="import-kind">
        <span className="field__label">数据类型</span>
        <select
          id="import-kind"
          className="input"
          value={chosen}
          onChange={(e) => setKind(e.target.value as ImportKind)}
          disabled={busy}
          data-testid="import-kind"
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {IMPORT_KIND_NAMES[k]}
            </option>
          ))}
        </select>
      </label>
      <ImportTemplateLinks kind={chosen} />
      <ImportModeField value={mode} onChange={setMode} />
      <label className="field" htmlFor="import-file">
        <span className="field__label">文件（{ACCEPTED_EXTENSIONS.join('、')}）</span>
        <input
          key={sent}
          id="import-file"
          type="file"
          accept={ACCEPTED_EXTENSIONS.join(',')}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          disabled={busy}
          data-testid="import-file"
        />
      </label>
      {file && !badFile && (
        <p className="hint">
          {file.name} · {formatBytes(file.size)}
        </p>
      )}
      {badFile && (
        <p className="error-line" role="alert">
          只支持 {ACCEPTED_EXTENSIONS.join('、')} 文件。
        </p>
      )}
      <div className="form-row">
        <button type="submit" className="button button--primary" disabled={!file || badFile || busy} data-testid="import-submit">
          {busy ? '正在上传…' : '开始导入'}
        </button>
      </div>
      {progress !== null && <UploadProgress value={progress} onCancel={cancel} />}
      {mutation.isError && (
        <p className="error-line" role="alert" data-testid="import-upload-error">
          {uploadErrorMessage(mutation.error)}
        </p>
      )}
    </form>
  );
}
