import type { BurdenImportResult, BurdenRegister } from '@ganbu/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { XlsxImportModal } from '../XlsxImportModal.tsx';
import { useImportRegister, useRegisterReport } from './api.ts';

/** 导入 Excel of one register (the shared burden import dialog, bound to the register's routes). */
export function ImportModal({
  register,
  open,
  onClose,
}: {
  register: BurdenRegister;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const importRegister = useImportRegister();
  const registerReport = useRegisterReport();
  // the dialog's mutations take the file; these bind it to this register
  const importing = useMutation({
    mutationFn: (file: File) => importRegister.mutateAsync({ register, file }),
  });
  const report = useMutation({ mutationFn: (file: File) => registerReport.mutateAsync({ register, file }) });
  return (
    <XlsxImportModal<BurdenImportResult>
      open={open}
      onClose={onClose}
      title={t('burden.registers.importModal.title', {
        register: t(`burden.registers.registers.${register}`),
      })}
      successText={(r) => t('burden.registers.importModal.success', { count: r.imported })}
      reportFilename={t('burden.registers.importModal.reportFilename')}
      importing={importing}
      report={report}
    />
  );
}
