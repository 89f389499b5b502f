import type { Org } from '@ganbu/core';
import { Card, Col, Row, Skeleton } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentMe } from '../../app/me-context.ts';
import { capabilitiesOf } from '../../app/menu.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useOrgs } from '../../hooks/api/orgs.ts';
import { useIsMobile } from '../../hooks/use-is-mobile.ts';
import { buildOrgTree } from '../../lib/org-tree.ts';
import { OrgDetail, type OrgDialog } from './OrgDetail.tsx';
import { OrgFormDrawer } from './OrgFormDrawer.tsx';
import { OrgMoveModal } from './OrgMoveModal.tsx';
import { OrgTree } from './OrgTree.tsx';

const EMPTY: readonly Org[] = [];

/** 组织机构: searchable tree on the left, details and actions of the selected unit on the right. */
export function OrgPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const mobile = useIsMobile();
  const { editOrgs } = capabilitiesOf(me.roles);
  const orgs = useOrgs();
  const items = orgs.data ?? EMPTY;
  const byId = useMemo(() => new Map(items.map((o) => [o.id, o])), [items]);
  const tree = useMemo(() => buildOrgTree(items), [items]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<OrgDialog | null>(null);

  const selected =
    (selectedId ? byId.get(selectedId) : undefined) ?? byId.get(me.orgId) ?? tree[0]?.org ?? null;

  return (
    <PageContainer title={t('org.title')}>
      {orgs.isError ? <QueryError error={orgs.error} onRetry={() => void orgs.refetch()} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9} xxl={7}>
          <Card size="small" styles={{ body: { padding: 12 } }}>
            {orgs.isPending ? (
              <Skeleton active paragraph={{ rows: 8 }} />
            ) : (
              <OrgTree
                tree={tree}
                byId={byId}
                selectedId={selected?.id ?? null}
                onSelect={setSelectedId}
                height={mobile ? 320 : 560}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={15} xxl={17}>
          {orgs.isPending ? (
            <Card>
              <Skeleton active />
            </Card>
          ) : (
            <OrgDetail org={selected} items={items} byId={byId} editable={editOrgs} onOpen={setDialog} />
          )}
        </Col>
      </Row>
      {editOrgs ? (
        <>
          <OrgFormDrawer
            dialog={dialog && dialog.type !== 'move' ? { type: dialog.type, org: dialog.org } : null}
            onClose={() => setDialog(null)}
            onSaved={(org) => {
              setDialog(null);
              setSelectedId(org.id);
            }}
          />
          <OrgMoveModal
            org={dialog?.type === 'move' ? dialog.org : null}
            items={items}
            tree={tree}
            onClose={() => setDialog(null)}
          />
        </>
      ) : null}
    </PageContainer>
  );
}

export default OrgPage;
