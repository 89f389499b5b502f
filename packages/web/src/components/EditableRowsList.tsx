import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, type CardProps } from 'antd';
import type { ReactNode } from 'react';

/** What a row can do to the list it is in. */
export interface RowOps {
  index: number;
  count: number;
  remove: () => void;
  move: (to: number) => void;
}

/**
 * A form list edited as cards (任职经历, 家庭成员 …): one card per row, the list's errors, and a dashed
 * "add" button that stops at `max` rows. `row` renders a card's fields for the row's form name.
 */
export function EditableRowsList({
  name,
  max,
  newRow,
  addLabel,
  rowTestId,
  addTestId,
  card,
  row,
}: {
  name: string;
  max: number;
  newRow: () => object;
  addLabel: ReactNode;
  /** a row's card is `${rowTestId}-${index}` */
  rowTestId: string;
  addTestId: string;
  card?: (ops: RowOps) => Omit<CardProps, 'children'>;
  row: (name: number, ops: RowOps) => ReactNode;
}) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove, move }, { errors }) => (
        <Flex vertical gap={12}>
          {fields.map((field, index) => {
            const ops: RowOps = {
              index,
              count: fields.length,
              remove: () => remove(field.name),
              move: (to) => move(index, to),
            };
            return (
              <Card key={field.key} size="small" {...card?.(ops)} data-testid={`${rowTestId}-${index}`}>
                {row(field.name, ops)}
              </Card>
            );
          })}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            disabled={fields.length >= max}
            onClick={() => add(newRow())}
            data-testid={addTestId}
          >
            {addLabel}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
