import type { ReactNode } from 'react';

/** Short "label: value" pairs in a row that wraps between pairs, never inside one. */
export function InlineFacts({
  items,
  className,
}: {
  items: readonly (readonly [ReactNode, ReactNode] | null | false)[];
  className?: string;
}) {
  return (
    <dl className={`facts facts--inline${className ? ` ${className}` : ''}`}>
      {items.filter(Boolean).map((item, i) => {
        const [label, value] = item as readonly [ReactNode, ReactNode];
        return (
          <div key={i} className="facts__pair">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        );
      })}
    </dl>
  );
}
