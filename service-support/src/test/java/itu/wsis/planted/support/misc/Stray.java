package itu.wsis.planted.support.misc;

/** Planted violation: a class in no layer. */
public class Stray {
}
