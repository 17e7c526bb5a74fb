package io.portevoix.shared;

import java.util.List;

/**
 * Input that cannot be accepted, with one message per offending field. The REST API answers it
 * with a 422 problem whose {@code errors} array lists the fields.
 */
public final class InvalidInputException extends IllegalArgumentException {

    /** What is wrong with one field. */
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.isEmpty() ? "Invalid input"
                : errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElseThrow());
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
