import { formatDateTime } from '../../lib/format';
import { usePublications } from './use-publications';

/** 已发布的目录: a region's publications, newest first (the first is what the public reads). */
export function CatalogPublications({ region }: { region: string }) {
  const publications = usePublications(region);
  const items = publications.data?.items ?? [];
  if (publications.isError) return <p className="error-line">发布记录加载失败：{publications.error.message}</p>;
  if (!publications.data) return null;
  return (
    <section className="publications" aria-labelledby="publications-title" data-testid="catalog-publications">
      <h3 id="publications-title" className="section-title">
        已发布的目录
      </h3>
      {items.length === 0 ? (
        <p className="empty">该区域尚未发布目录。</p>
      ) : (
        <ol className="publications__list">
          {items.map((p, i) => (
            <li key={p.id} className="publications__item" data-testid="publication">
              <span className="publications__title">{p.title}</span>
              <span className="publications__meta">
                {p.year} 年度 · 发布于 {formatDateTime(p.publishedAt)} · {p.entryCount} 项{i === 0 && ' · 当前公开版本'}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
