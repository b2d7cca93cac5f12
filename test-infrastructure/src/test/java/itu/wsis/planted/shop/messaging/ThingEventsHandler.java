package itu.wsis.planted.shop.messaging;

/** Planted violation: a messaging class not named *Consumer. */
public class ThingEventsHandler {
}
