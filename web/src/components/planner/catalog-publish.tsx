import { useId, useState, type FormEvent } from 'react';
import type { Catalog } from '@talentmap/core';
import { usePublishCatalog } from './use-publications';

/**
 * 发布目录 (a planner, on the live catalogue of its region): freezes it as a dated publication,
 * which is what everyone else then reads, with counts of people protected.
 */
export function CatalogPublish({ catalog }: { catalog: Pick<Catalog, 'year' | 'region'> }) {
  const id = useId();
  const [year, setYear] = useState(catalog.year);
  const [title, setTitle] = useState('');
  const publish = usePublishCatalog();
  const validYear = /^\d{4}$/.test(year);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!validYear) return;
    publish.mutate({ region: catalog.region.code, year, ...(title.trim() ? { title: title.trim() } : {}) }, { onSuccess: () => setTitle('') });
  };
  return (
    <form className="catalog-publish" onSubmit={onSubmit} aria-label="发布目录" data-testid="catalog-publish">
      <label className="field field--inline" htmlFor={`${id}-year`}>
        <span className="field__label">年度</span>
        <input
          id={`${id}-year`}
          className="input input--year"
          inputMode="numeric"
          pattern="\d{4}"
          maxLength={4}
          value={year}
          onChange={(e) => setYear(e.target.value)}
          data-testid="publish-year"
        />
      </label>
      <label className="field field--inline catalog-publish__title" htmlFor={`${id}-title`}>
        <span className="field__label">标题</span>
        <input
          id={`${id}-title`}
          className="input"
          maxLength={100}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder={`${year}年${catalog.region.name}紧缺职业目录`}
          data-testid="publish-title"
        />
      </label>
      <button type="submit" className="button button--primary" disabled={publish.isPending || !validYear} data-testid="publish-submit">
        {publish.isPending ? '正在发布…' : '发布目录'}
      </button>
      <p className="hint catalog-publish__hint" role="status">
        {publish.isSuccess
          ? `已发布：${publish.data.title}（${publish.data.entryCount} 项）。公众看到的目录已更新为此版本。`
          : '发布后，公众和其他账号看到的是此刻目录的冻结版本（人数按小数保护规则处理）。'}
      </p>
      {publish.isError && (
        <p className="error-line" role="alert">
          发布失败：{publish.error.message}
        </p>
      )}
    </form>
  );
}
