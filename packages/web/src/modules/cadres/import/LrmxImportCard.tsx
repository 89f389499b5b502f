import { DiffOutlined, UploadOutlined } from '@ant-design/icons';
import { can, LrmxImportErrorSchema, type Org } from '@ganbu/core';
import {
  Alert,
  App,
  Button,
  Flex,
  Form,
  List,
  TreeSelect,
  Typography,
  Upload,
  type TableColumnsType,
  type UploadFile,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentMe } from '../../../app/me-context.ts';
import {
  importErrorsOf,
  useCompareLrmx,
  useImportLrmx,
  type CompareItem,
  type LrmxImportError,
} from '../../../hooks/api/cadre-import.ts';
import { useOrgs } from '../../../hooks/api/orgs.ts';
import { buildOrgTree, toTreeSelectData } from '../../../lib/org-tree.ts';
import { CompareDrawer } from './CompareDrawer.tsx';
import { ImportDropZone, ImportErrors, ImportFailed, ImportSuccess } from './ImportParts.tsx';
import { importFieldText } from './field-text.ts';

const NO_ORGS: readonly Org[] = [];
const ACCEPTED = /\.(lrmx|lrm|pic|zip)$/i;

/** An error saying the person is already in the registry: 比对更新 is the way forward. */
const isAlreadyInRegistry = (e: LrmxImportError) =>
  e.field === 'idNumber' && e.message.includes('已在信息库');

/** 任免审批表 导入: target unit, files, then the imported records or every problem by file and field. */
export function LrmxImportCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentMe();
  const mayCompare = can(me.roles, 'cadre.sensitive');
  const orgs = useOrgs();
  const orgTreeData = useMemo(
    () => toTreeSelectData(buildOrgTree(orgs.data ?? NO_ORGS), (o) => !o.active),
    [orgs.data],
  );
  const [orgId, setOrgId] = useState<string | undefined>();
  const [files, setFiles] = useState<File[]>([]);
  const [compared, setCompared] = useState<CompareItem[] | null>(null);
  const importLrmx = useImportLrmx();
  const compare = useCompareLrmx();
  const errors = [
    ...importErrorsOf(LrmxImportErrorSchema, importLrmx.error),
    ...importErrorsOf(LrmxImportErrorSchema, compare.error),
  ];
  const failure = importLrmx.error ?? compare.error;

  const fileList: UploadFile[] = files.map((f) => ({ uid: f.name, name: f.name, status: 'done' }));

  const submit = () => {
    if (!orgId) {
      void message.warning(t('cadreImport.lrmxOrgRequired'));
      return;
    }
    compare.reset();
    importLrmx.mutate({ files, orgId });
  };

  const runCompare = () => compare.mutate(files, { onSuccess: ({ items }) => setCompared(items) });

  const again = () => {
    importLrmx.reset();
    compare.reset();
    setFiles([]);
  };

  if (importLrmx.isSuccess) {
    const { imported, warnings = [] } = importLrmx.data;
    return (
      <ImportSuccess title={t('cadreImport.lrmxSuccessTitle', { count: imported.length })} onAgain={again}>
        {warnings.length > 0 && (
          <Alert
            data-testid="import-lrmx-warnings"
            type="warning"
            showIcon
            style={{ marginBottom: 12, textAlign: 'left' }}
            title={t('cadreImport.lrmxWarningsTitle')}
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {warnings.map((w, i) => (
                  <li key={i}>{`${w.file}：${w.message}`}</li>
                ))}
              </ul>
            }
          />
        )}
        <List
          size="small"
          bordered
          dataSource={imported}
          renderItem={(c) => (
            <List.Item>
              <Link to={`/cadres/${c.id}`}>{c.name}</Link>
            </List.Item>
          )}
        />
      </ImportSuccess>
    );
  }

  const columns: TableColumnsType<LrmxImportError & { key: number }> = [
    { title: t('cadreImport.file'), dataIndex: 'file', width: 200, ellipsis: true },
    {
      title: t('cadreImport.field'),
      dataIndex: 'field',
      width: 140,
      render: (v: string) => importFieldText(t, v) || t('common.empty'),
    },
    { title: t('cadreImport.note'), dataIndex: 'message' },
  ];
  const showCompare = mayCompare && errors.some(isAlreadyInRegistry);

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('cadreImport.lrmxIntro')}
      </Typography.Paragraph>
      <Form layout="vertical" style={{ maxWidth: 480 }}>
        <Form.Item label={t('cadreImport.lrmxOrg')} required style={{ marginBottom: 0 }}>
          <TreeSelect
            value={orgId}
            onChange={(v: string) => setOrgId(v)}
            treeData={orgTreeData}
            loading={orgs.isPending}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            allowClear
            placeholder={t('cadreImport.lrmxOrgPlaceholder')}
            data-testid="import-lrmx-org"
          />
        </Form.Item>
      </Form>
      <ImportDropZone
        testId="import-lrmx-upload"
        accept=".lrmx,.lrm,.pic,.zip"
        multiple
        fileList={fileList}
        disabled={importLrmx.isPending}
        onRemove={(f) => setFiles((prev) => prev.filter((x) => x.name !== f.name))}
        beforeUpload={(f) => {
          if (!ACCEPTED.test(f.name)) {
            void message.error(t('cadreImport.onlyLrmx'));
            return Upload.LIST_IGNORE;
          }
          importLrmx.reset();
          compare.reset();
          // A file of the same name replaces the earlier one.
          setFiles((prev) => [...prev.filter((x) => x.name !== f.name), f]);
          return false;
        }}
        text={t('cadreImport.dragLrmx')}
        hint={t('cadreImport.dragLrmxHint')}
      />
      <Flex gap={8}>
        <Button
          type="primary"
          icon={<UploadOutlined />}
          disabled={files.length === 0}
          loading={importLrmx.isPending}
          onClick={submit}
          data-testid="import-lrmx-submit"
        >
          {t('cadreImport.startImport')}
        </Button>
        <Button disabled={files.length === 0 || importLrmx.isPending} onClick={again}>
          {t('cadreImport.clearFiles')}
        </Button>
      </Flex>
      {errors.length > 0 ? (
        <ImportErrors
          errors={errors}
          columns={columns}
          title={t('cadreImport.lrmxErrorsTitle', { count: errors.length })}
          description={showCompare ? t('cadreImport.compareHint') : undefined}
          action={
            showCompare ? (
              <Button
                icon={<DiffOutlined />}
                loading={compare.isPending}
                onClick={runCompare}
                data-testid="import-compare"
              >
                {t('cadreImport.compare')}
              </Button>
            ) : undefined
          }
        />
      ) : failure ? (
        <ImportFailed error={failure} />
      ) : null}
      <CompareDrawer items={compared} onClose={() => setCompared(null)} />
    </Flex>
  );
}
