/** The page's language: the switch sets it, and the URL (`?lang=`) and `<html lang>` follow. */
import { useCallback, useEffect, useState } from 'react';
import type { Lang } from '../../domain/messages';
import { withLang } from '../params';
import { PREVIEW_STRINGS } from '../strings';

export function useLanguage(initial: Lang): [Lang, (lang: Lang) => void] {
  const [lang, setLang] = useState(initial);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = PREVIEW_STRINGS[lang].pageTitle;
  }, [lang]);
  const change = useCallback((next: Lang) => {
    setLang(next);
    window.history.replaceState(null, '', withLang(window.location.href, next));
  }, []);
  return [lang, change];
}
