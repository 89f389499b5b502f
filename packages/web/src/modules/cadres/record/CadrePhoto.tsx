import { UploadOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  cadrePhotoUrl,
  PHOTO_MAX_BYTES,
  PHOTO_TYPES,
  useUploadCadrePhoto,
} from '../../../hooks/api/cadres.ts';

const SIZE = { width: 120, height: 160 };

/** The record's photo (2-inch portrait), a placeholder when there is none, and upload for writers. */
export function CadrePhoto({
  cadreId,
  name,
  hasPhoto,
  editable,
}: {
  cadreId: string;
  name: string;
  hasPhoto: boolean;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadCadrePhoto();
  const [version, setVersion] = useState(0);
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const src = cadrePhotoUrl(cadreId, version);
  const show = (hasPhoto || version > 0) && failedSrc !== src;

  const beforeUpload = (file: File) => {
    if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) {
      void message.error(t('cadre.photoType'));
      return Upload.LIST_IGNORE;
    }
    if (file.size > PHOTO_MAX_BYTES) {
      void message.error(t('cadre.photoTooLarge'));
      return Upload.LIST_IGNORE;
    }
    upload.mutate(
      { id: cadreId, file },
      {
        onSuccess: () => {
          setVersion(Date.now());
          void message.success(t('cadre.photoUploaded'));
        },
      },
    );
    // The file is sent by the mutation above, not by Upload itself.
    return false;
  };

  return (
    <Flex vertical align="center" gap={8} style={{ width: SIZE.width + 16 }}>
      {show ? (
        <img
          src={src}
          alt={t('cadre.photoAlt', { name })}
          onError={() => setFailedSrc(src)}
          style={{ ...SIZE, objectFit: 'cover', borderRadius: 4, border: '1px solid #f0f0f0' }}
          data-testid="cadre-photo"
        />
      ) : (
        <Flex
          align="center"
          justify="center"
          role="img"
          aria-label={t('cadre.noPhoto')}
          style={{ ...SIZE, borderRadius: 4, background: '#f5f5f5', border: '1px dashed #d9d9d9' }}
          data-testid="cadre-photo-placeholder"
        >
          <UserOutlined style={{ fontSize: 48, color: '#bfbfbf' }} />
        </Flex>
      )}
      {editable ? (
        <>
          <Upload
            accept={PHOTO_TYPES.join(',')}
            showUploadList={false}
            maxCount={1}
            beforeUpload={beforeUpload}
          >
            <Button
              size="small"
              icon={<UploadOutlined />}
              loading={upload.isPending}
              data-testid="cadre-photo-upload"
            >
              {show ? t('cadre.photoReplace') : t('cadre.photoUpload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: 'center' }}>
            {t('cadre.photoHint')}
          </Typography.Text>
        </>
      ) : null}
    </Flex>
  );
}
