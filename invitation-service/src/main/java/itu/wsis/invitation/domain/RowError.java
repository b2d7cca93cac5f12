package itu.wsis.invitation.domain;

/** One finding of an import's validation report; {@code row} counts data records from 1, headers excluded. */
public record RowError(int row, String field, String reason) {
}
