/** The upload's progress: the bar while the file is sent, then a line while the server takes it. */
export function UploadProgress({ value, onCancel }: { value: number; onCancel: () => void }) {
  const percent = Math.round(value * 100);
  return (
    <div className="upload-progress" data-testid="upload-progress">
      <div className="progress" role="progressbar" aria-label="上传进度" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div className="progress__bar" style={{ width: `${percent}%` }} />
      </div>
      <p className="upload-progress__line">
        {percent < 100 ? `正在上传 ${percent}%` : '上传完成，等待服务器接收…'}
        {percent < 100 && (
          <button type="button" className="link" onClick={onCancel}>
            取消上传
          </button>
        )}
      </p>
    </div>
  );
}
