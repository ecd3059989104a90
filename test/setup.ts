import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Two cores shared with other runners: give async queries room before they call a miss.
configure({ asyncUtilTimeout: 5000 });
afterEach(() => cleanup());

// jsdom has HTMLDialogElement but not its methods. Real modal behaviour (top layer, inert
// background, Esc) is tested in Chromium; here the methods only toggle `open` as the platform does.
const proto = globalThis.HTMLDialogElement?.prototype as
  (HTMLDialogElement & { showModal?: () => void; show?: () => void; close?: (v?: string) => void }) | undefined;
if (proto && typeof proto.showModal !== 'function') {
  proto.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.show = function show(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close = function close(this: HTMLDialogElement, value?: string) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    if (value !== undefined) this.returnValue = value;
    this.dispatchEvent(new Event('close'));
  };
}
