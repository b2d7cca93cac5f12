package itu.wsis.planted.support.text;

import itu.wsis.planted.support.json.Json;

/** Planted violation: the plain text rules use a tool. */
public record JsonReachingWords(Json json) {
}
