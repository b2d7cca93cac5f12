package itu.wsis.planted.web.client;

import itu.wsis.planted.web.page.PageModel;

/** Planted violation: the client knows a page. */
public class PageReachingCall {
    PageModel page;
}
