import { FormOutlined } from '@ant-design/icons';
import type { CadreDetail } from '@ganbu/core';
import { Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CorrectionRequestModal } from './CorrectionRequestModal.tsx';

/** 申请更正 on the cadre's own record: the button and its form. */
export function CorrectionRequestButton({
  cadre,
  onSubmitted,
}: {
  cadre: CadreDetail;
  onSubmitted: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Tooltip title={t('corrections.requestButtonHint')}>
        <Button icon={<FormOutlined />} onClick={() => setOpen(true)} data-testid="correction-request">
          {t('corrections.requestButton')}
        </Button>
      </Tooltip>
      <CorrectionRequestModal
        cadre={cadre}
        open={open}
        onClose={() => setOpen(false)}
        onSubmitted={() => {
          setOpen(false);
          onSubmitted();
        }}
      />
    </>
  );
}
