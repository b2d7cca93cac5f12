package itu.wsis.planted.web.i18n;

import itu.wsis.planted.web.page.PageModel;

/** Planted violation: the messages know a page. */
public record PageReachingWords(PageModel page) {
}
