import { Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CompareItem } from '../../../hooks/api/cadre-import.ts';
import { useIsMobile } from '../../../hooks/use-is-mobile.ts';
import { CompareItemCard } from './CompareItemCard.tsx';

/** 比对更新: every uploaded approval form against the registry, one card each. */
export function CompareDrawer({
  items,
  onClose,
}: {
  /** null when closed */
  items: CompareItem[] | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  return (
    <Drawer
      open={items !== null}
      onClose={onClose}
      destroyOnHidden
      size={mobile ? '100%' : 1000}
      title={t('cadreCompare.title')}
      data-testid="compare-drawer"
    >
      {(items ?? []).map((item) => (
        <CompareItemCard key={`${item.file}|${item.existingId ?? ''}`} item={item} />
      ))}
    </Drawer>
  );
}
