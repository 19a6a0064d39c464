import type { ButtonHTMLAttributes } from 'react';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'default';
  size?: 'normal' | 'small';
}

/** The one button look. Always `type="button"` unless told otherwise, so it never submits a form by accident. */
export function Button({ variant = 'default', size = 'normal', className, type = 'button', ...rest }: ButtonProps) {
  const classes = ['mg-button', variant === 'primary' && 'mg-button--primary', size === 'small' && 'mg-button--small', className]
    .filter(Boolean)
    .join(' ');
  return <button type={type} className={classes} {...rest} />;
}
