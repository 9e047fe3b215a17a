import type { Language } from '@bankforge/app-shell';
import type { RelationshipGraph } from '@bankforge/client';
import { lazy, Suspense, useCallback, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { Loading } from '../../shell/Loading.js';
import { localize } from '../figure-text.js';
import { newRelatedUrl } from '../related-urls.js';

// React Flow is drawn only on pages with a graph: its own chunk, never in the runtime's first load.
const RelationshipGraphCanvas = lazy(() => import('./RelationshipGraphCanvas.js'));

export interface RelatedPartiesProps {
  app: string;
  /** The page's entity: a party opens its own 360° page. */
  entity: string;
  recordId: string;
  graph: RelationshipGraph;
  language: Language;
}

/**
 * The record's related parties: a small graph, and the same relations as a list (keyboards, screen
 * readers, narrow phones). A party the reader may not read is said to be there, never named.
 */
export function RelatedParties({ app, entity, recordId, graph, language }: RelatedPartiesProps) {
  const { t } = useTranslation('record360');
  const navigate = useNavigate();
  const titleId = useId();
  const nodeLabel = useCallback(
    (id: string): string => {
      const node = graph.nodes.find((n) => n.id === id);
      return node?.visible ? node.title || '—' : t('graph.hidden');
    },
    [graph, t],
  );
  const edgeLabel = useCallback(
    (edgeId: string): string => {
      const edge = graph.edges.find((e) => e.id === edgeId);
      return edge?.kind ? localize(edge.kind.label, language) : t('graph.noKind');
    },
    [graph, language, t],
  );
  const party = (id: string) => {
    const node = graph.nodes.find((n) => n.id === id);
    if (!node?.visible) return <span className="r360-hidden-party">{t('graph.hidden')}</span>;
    if (node.center) return <strong>{nodeLabel(id)}</strong>;
    return <Link to={`/${app}/${entity}/${encodeURIComponent(id)}`}>{nodeLabel(id)}</Link>;
  };
  return (
    <section className="r360-card r360-graph" aria-labelledby={titleId}>
      <div className="r360-card-head">
        <h2 id={titleId}>
          {t('graph.title')} <span className="r360-count">{graph.edges.length}</span>
        </h2>
        {graph.canCreate && (
          <Link className="r360-action" to={newRelatedUrl(app, graph.entity, graph.from, recordId)}>
            {t('graph.add')}
          </Link>
        )}
      </div>
      {graph.edges.length === 0 ? (
        <p className="muted">{t('graph.none')}</p>
      ) : (
        <>
          <Suspense fallback={<Loading label={t('graph.loading')} />}>
            <RelationshipGraphCanvas
              graph={graph}
              nodeLabel={nodeLabel}
              edgeLabel={edgeLabel}
              label={t('graph.canvas', { count: graph.edges.length })}
              onOpen={(id) => navigate(`/${app}/${entity}/${encodeURIComponent(id)}`)}
            />
          </Suspense>
          <ul className="r360-parties" aria-label={t('graph.list')}>
            {graph.edges.map((edge) => (
              <li key={edge.id}>
                {party(edge.from)} <span className="r360-kind">{edgeLabel(edge.id)}</span> {party(edge.to)}
                {edge.note && <span className="muted"> · {edge.note}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
