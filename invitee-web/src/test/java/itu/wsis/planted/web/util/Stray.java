package itu.wsis.planted.web.util;

/** Planted violation: a class in no layer. */
public class Stray {
}
