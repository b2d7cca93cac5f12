package itu.wsis.planted.shop;

/** Planted violation: a class in no layer. */
public class Stray {
}
