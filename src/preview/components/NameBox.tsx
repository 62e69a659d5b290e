/** Excel's name box: the selected cell or range of the sheet shown (`B9`). */
import { useId } from 'react';

export function NameBox({ label, address }: { readonly label: string; readonly address: string }) {
  const id = useId();
  return (
    <div className="name-box">
      <label htmlFor={id}>{label}</label>
      <output id={id} data-testid="name-box">
        {address}
      </output>
    </div>
  );
}
