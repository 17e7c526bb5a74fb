package io.portevoix.templates;

/**
 * A problem with the merge tags of a text: an unknown tag (named in {@code tag}), a Liquid syntax
 * error or a tag that is not allowed ({@code include}, …), with its line and column (from 1).
 */
public record MergeTagProblem(Kind kind, String field, String tag, int line, int column, String message) {

    /** What kind of problem. */
    public enum Kind {
        UNKNOWN_TAG, SYNTAX_ERROR, FORBIDDEN_TAG
    }
}
