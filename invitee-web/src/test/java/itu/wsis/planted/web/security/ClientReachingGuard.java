package itu.wsis.planted.web.security;

import itu.wsis.planted.web.client.ThingApi;

/** Planted violation: a filter calls a service. */
public class ClientReachingGuard {
    ThingApi api;
}
